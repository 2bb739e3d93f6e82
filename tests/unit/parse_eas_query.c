/* eas_query_parse: plain parameters (any case, any order, duplicates, empty
 * ones) and the MS-ASHTTP base64 form (spec 3.6), with the two spec examples
 * decoded byte for byte and malformed blobs flagged. */
#include <stdlib.h>

#include "../../formats/eas_query.h"
#include "test.h"

static struct eas_query q;
static char scratch[1024];

static void parse(const char *s)
{
	memset(scratch, 0x55, sizeof scratch);
	eas_query_parse(slice_make(s, strlen(s)), &q, scratch);
}

static bool is(struct slice s, const char *want)
{
	return !slice_is_null(s) && s.n == strlen(want) && memcmp(s.p, want, s.n) == 0;
}

static bool plain_only(void)
{
	return !q.base64 && !q.bad_base64 && q.proto == 0 && q.cmd_code == -1 && !q.has_policy_key;
}

static void test_plain(void)
{
	parse("User=jdoe&DeviceId=ApplDNPX1&DeviceType=iPhone&Cmd=Sync&Log=V141_Hb900_");
	CHECK(is(q.user, "jdoe") && is(q.devid, "ApplDNPX1") && is(q.devtype, "iPhone") && is(q.cmd, "Sync") &&
		      is(q.log, "V141_Hb900_") && plain_only(),
	      "the usual order");
	parse("Cmd=Ping&User=contoso.com%5Cuser1&DeviceId=androidc1&DeviceType=KSAndroid&Log=V141_S3_");
	CHECK(is(q.cmd, "Ping") && is(q.user, "contoso.com%5Cuser1") && is(q.devtype, "KSAndroid") && is(q.log, "V141_S3_"),
	      "Cmd first; values stay percent-encoded");
	parse("devicetype=Android&CMD=sync&uSeR=jdoe&DEVICEID=d1&lOg=V121_");
	CHECK(is(q.cmd, "sync") && is(q.user, "jdoe") && is(q.devid, "d1") && is(q.devtype, "Android") && is(q.log, "V121_"),
	      "parameter names in any case");
	parse("Cmd=Ping&DeviceId=OLD&Cmd=Sync&DeviceId=NEW");
	CHECK(is(q.cmd, "Sync") && is(q.devid, "NEW"), "duplicates: the later one wins");
	parse("&&User=jdoe&&Cmd=Sync&");
	CHECK(is(q.user, "jdoe") && is(q.cmd, "Sync") && slice_is_null(q.devid) && plain_only(), "empty parameters are skipped");
	parse("User=jdoe&DeviceId=&Cmd=");
	CHECK(!slice_is_null(q.devid) && q.devid.n == 0 && !slice_is_null(q.cmd) && q.cmd.n == 0 && slice_is_null(q.devtype),
	      "an empty value is empty, an absent one null");
	parse("User=jdoe&DeviceId=A1&DeviceType=iPhone&Cmd=Sync&&Log=V2TCoSSC:0A0C0D0FS:1A0C0D0SP:1C2I105992S109982R");
	CHECK(is(q.cmd, "Sync") && is(q.log, "V2TCoSSC:0A0C0D0FS:1A0C0D0SP:1C2I105992S109982R"), "the 2003 &&Log=");
	parse("Cmd=Ping&User=jdoe&DeviceId=A1&DeviceType=iPhone&X-ARR-CACHE-HIT=0&X-ARR-LOG-ID=afa2ee71-cc7b");
	CHECK(is(q.cmd, "Ping") && is(q.devtype, "iPhone") && slice_is_null(q.log), "ARR additions are ignored");
	parse("User=jsmith&DeviceId=N273&DeviceType=iPad&Cmd=Search&CorrelationID=<empty>;&cafeReqId=fffa581c;");
	CHECK(is(q.cmd, "Search") && is(q.devid, "N273"), "the 2013+ CorrelationID/cafeReqId suffix");
	parse("&CorrelationID=<empty>;&cafeReqId=abc-123;");
	CHECK(slice_is_null(q.cmd) && slice_is_null(q.user) && slice_is_null(q.devid) && plain_only(),
	      "a probe query that starts with '&' has no EAS values");
	parse("Log=Budget:(A)Conn%3a1=x_S1_&Cmd=Sync");
	CHECK(is(q.log, "Budget:(A)Conn%3a1=x_S1_") && is(q.cmd, "Sync"), "a value may contain '='; '&' ends it");
	parse("XUser=a&Users=b&Command=c&Device=d&DeviceIds=e");
	CHECK(slice_is_null(q.user) && slice_is_null(q.cmd) && slice_is_null(q.devid), "names must match whole");
	parse("User=jdoe&DeviceId=A1&DeviceType=iPhone&Cmd=Sync&foo");
	CHECK(is(q.cmd, "Sync") && plain_only(), "a piece without '=' is ignored");
	parse("Cmd");
	CHECK(slice_is_null(q.cmd) && plain_only(), "a short piece without '=' is neither a parameter nor base64");

	memset(&q, 0x77, sizeof q);
	eas_query_parse(SLICE_NULL, &q, scratch);
	CHECK(slice_is_null(q.cmd) && slice_is_null(q.user) && slice_is_null(q.devid) && slice_is_null(q.devtype) &&
		      slice_is_null(q.log) && plain_only() && q.locale == 0,
	      "a null query leaves everything null");
}

static void test_base64(void)
{
	/* MS-ASHTTP 2.2.1.1.1.1 sample: 8C 00 09 04 0A "v140Device" 00 0A "SmartPhone" */
	parse("jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l");
	CHECK(q.base64 && !q.bad_base64, "the MS-ASHTTP sample is base64");
	CHECK(q.proto == 140 && q.cmd_code == 0 && is(q.cmd, "Sync") && q.locale == 0x0409,
	      "sample: version 140, command 0 Sync, locale 0x0409 (got %u, %d, %#x)", q.proto, q.cmd_code, q.locale);
	CHECK(is(q.devid, "v140Device") && !q.has_policy_key && is(q.devtype, "SmartPhone") && slice_is_null(q.user) &&
		      slice_is_null(q.log),
	      "sample: device id, no policy key, device type");

	/* the Nine client: 8D 00 09 04 10 "Nine4383AF346860" 04 00000000 07 "Android" 07 01 00 */
	parse("jQAJBBBOaW5lNDM4M0FGMzQ2ODYwBAAAAAAHQW5kcm9pZAcBAA==");
	CHECK(q.base64 && q.proto == 141 && q.cmd_code == 0 && q.locale == 0x0409 && is(q.devid, "Nine4383AF346860") &&
		      q.has_policy_key && q.policy_key == 0 && is(q.devtype, "Android") && slice_is_null(q.user),
	      "the Nine sample: 14.1, Sync, policy key 0, Android, Options parameter skipped");

	/* built: 8D 12 09 04 12 "androidc1000000002" 00 07 "Android", then Exchange's &Log= */
	parse("jRIJBBJhbmRyb2lkYzEwMDAwMDAwMDIAB0FuZHJvaWQ=&Log=V141_Hb900_S1_");
	CHECK(q.base64 && q.cmd_code == 18 && is(q.cmd, "Ping") && is(q.devid, "androidc1000000002") &&
		      is(q.log, "V141_Hb900_S1_"),
	      "base64 followed by &Log=");

	/* built: policy key 3609689902 (2E 7F 27 D7), User parameter (tag 8) "jdoe", Options 02 */
	parse("jQAJBBBBcHBsRjE3WEswUTFIRzdGBC5/J9cGaVBob25lCARqZG9lBwEC");
	CHECK(q.base64 && is(q.devid, "ApplF17XK0Q1HG7F") && q.has_policy_key && q.policy_key == 3609689902u &&
		      is(q.devtype, "iPhone") && is(q.user, "jdoe"),
	      "policy key (little-endian, spec Q8) and the User parameter (key %u)", q.policy_key);

	/* version A1 (16.1), command 9 FolderSync, '+', '/' and '==' percent-encoded */
	parse("oQkJBApBcHBsRE1QSDAwBP%2B%2B7%2FsEaVBhZA%3D%3D");
	CHECK(q.base64 && q.proto == 161 && is(q.cmd, "FolderSync") && is(q.devid, "ApplDMPH00") &&
		      q.policy_key == 0xFBEFBEFFu && is(q.devtype, "iPad"),
	      "a percent-encoded blob");
	parse("oQkJBApBcHBsRE1QSDAwBP++7/sEaVBhZA==");
	CHECK(q.base64 && q.proto == 161 && is(q.devid, "ApplDMPH00") && q.policy_key == 0xFBEFBEFFu,
	      "the same blob raw");

	/* malformed: flagged, no values */
	parse("jAAJBAp2MTQwRGV2aWNl"); /* cut after the device id */
	CHECK(q.bad_base64 && !q.base64 && slice_is_null(q.devid) && slice_is_null(q.cmd) && q.cmd_code == -1,
	      "a blob cut short is bad_base64");
	parse("jAAJBAp2MTQw!GV2aWNl");
	CHECK(q.bad_base64 && !q.base64 && slice_is_null(q.devid), "a blob with a byte outside the alphabet is bad_base64");
	parse("jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25lA");
	CHECK(q.bad_base64 && !q.base64, "a dangling base64 character is bad_base64");
	parse("DAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l"); /* version 0x0C = 12: plain text only */
	CHECK(q.bad_base64 && !q.base64, "version 12 (not allowed in base64) is bad_base64");
	parse("jAUJBAp2MTQwRGV2aWNlAApTbWFydFBob25l"); /* command 5: no such command */
	CHECK(q.bad_base64 && !q.base64, "an unknown command code is bad_base64");
	parse("jAAJBAp2MTQwRGV2aWNlAwAAAApTbWFydFBob25l"); /* policy key length 3 */
	CHECK(q.bad_base64 && !q.base64 && slice_is_null(q.devtype), "a policy key of 3 bytes is bad_base64");
	parse("jAAJBAp2MTQwRGV2aWNl&Log=V141_S1_");
	CHECK(q.bad_base64 && is(q.log, "V141_S1_"), "a bad blob still lets a following &Log= be read");

	CHECK(strcmp(eas_command_name(0), "Sync") == 0 && strcmp(eas_command_name(18), "Ping") == 0 &&
		      strcmp(eas_command_name(22), "ValidateCert") == 0 && eas_command_name(5) == NULL &&
		      eas_command_name(23) == NULL && eas_command_name(-1) == NULL,
	      "eas_command_name follows the MS-ASHTTP table (spec 5.1)");
}

int main(void)
{
	test_plain();
	test_base64();
	return test_done();
}
