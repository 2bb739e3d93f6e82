/* eas_log_parse: the &Log= value in its Exchange 2003, 2007/2010 and 2013+
 * forms (spec 4.2-4.4, real lines 4.6): integers with and without a colon,
 * both Cli: layouts, unknown tokens never losing the known ones. */
#include "../../formats/eas_log.h"
#include "test.h"

static struct eas_log l;

static void parse(const char *s)
{
	memset(&l, 0x5A, sizeof l);
	eas_log_parse(slice_make(s, strlen(s)), &l);
}

static bool is(struct slice s, const char *want)
{
	return !slice_is_null(s) && s.n == strlen(want) && memcmp(s.p, want, s.n) == 0;
}

static bool cli(enum folder_type t, uint64_t a, uint64_t c, uint64_t d, uint64_t f)
{
	return l.cli[t][CLI_ADDS] == a && l.cli[t][CLI_CHANGES] == c && l.cli[t][CLI_DELETES] == d &&
	       l.cli[t][CLI_FETCHES] == f;
}

static bool srv(enum folder_type t, uint64_t a, uint64_t c, uint64_t d, uint64_t s, uint64_t aa)
{
	return l.srv[t][SRV_ADDS] == a && l.srv[t][SRV_CHANGES] == c && l.srv[t][SRV_DELETES] == d &&
	       l.srv[t][SRV_SOFTDELETES] == s && l.srv[t][SRV_ASSOCADDS] == aa;
}

static bool no_stats(void)
{
	for (int t = 0; t < FT_N; t++) {
		if (!cli((enum folder_type)t, 0, 0, 0, 0) || !srv((enum folder_type)t, 0, 0, 0, 0, 0))
			return false;
	}
	return true;
}

static void test_absent(void)
{
	memset(&l, 0x5A, sizeof l);
	eas_log_parse(SLICE_NULL, &l);
	CHECK(!l.present && l.proto == 0 && l.eas_status == -1 && l.heartbeat == -1 && !l.has_pk && slice_is_null(l.pa) &&
		      slice_is_null(l.error) && l.oof == OOF_NONE && l.att == 0 && no_stats() && eas_log_pa(&l) == -1,
	      "no Log: nothing present, -1 for status and heartbeat");
	parse("");
	CHECK(l.present && l.proto == 0 && l.eas_status == -1 && l.tokens == 0, "an empty Log is present and empty");
}

static void test_2003(void)
{
	parse("V2TCoSSC:0A0C0D0FS:1A0C0D0SP:1C2I105992S109982R");
	CHECK(l.present && l.proto == 20 && l.nfolders == 1, "2003 (E1): V2 is protocol 2.0, one folder (proto %u)",
	      l.proto);
	CHECK(l.has_cli && l.has_srv && cli(FT_CO, 0, 0, 0, 0) && srv(FT_CO, 1, 0, 0, 0, 0) && cli(FT_EM, 0, 0, 0, 0) &&
		      srv(FT_EM, 0, 0, 0, 0, 0),
	      "2003 (E1): the server added 1 contact; performance counters are not changes");
	parse("V2TEmSFC:2A1C0D1FS:5A0C1D0SP:3C1I2048S4096R");
	CHECK(cli(FT_EM, 2, 1, 0, 1) && srv(FT_EM, 5, 0, 1, 0, 0) && srv(FT_OTHER, 0, 0, 0, 0, 0),
	      "2003: client 2A1C0D1F, server 5A0C1D on Em");
	parse("V1TCaSSC:0A0C0D0FS:0A2C0D0S");
	CHECK(l.proto == 10 && srv(FT_CA, 0, 2, 0, 0, 0), "2003: V1 is 1.0 (proto %u)", l.proto);
	parse("V3TTaSRC:1A0C0D0FS:0A0C0D0S");
	CHECK(l.proto == 21 && cli(FT_TA, 1, 0, 0, 0), "2003: V3 is 2.1 (proto %u)", l.proto);
	CHECK(l.eas_status == -1 && l.heartbeat == -1, "2003: no status, no heartbeat");
}

static void test_2010(void)
{
	/* spec E2, with the Budget cut */
	parse("V141_LdapC1_RpcC28_RpcL31_Hb1680_S3_Error:PingCollisionDetected_Mbx:MAIL1.contoso.com_Throttle0_"
	      "Budget:(A)Conn%3a1%2cHangingConn%3a0%2cAD%3a%24null%2f%24null%2f0%25%2cNorm_");
	CHECK(l.present && l.proto == 141 && l.heartbeat == 1680 && l.eas_status == 3 &&
		      is(l.error, "PingCollisionDetected") && is(l.mbx, "MAIL1.contoso.com") && no_stats(),
	      "2010 (E2): V141, Hb1680, S3, Error, Mbx");
	/* spec E4 */
	parse("V121_Ssnf:T_LdapC4_LdapL16_RpcC45_RpcL125_Ers1_Cpo19781_Fet19999_Pk0_Error:DeviceNotProvisioned_"
	      "As:BlockedP_Mbx:MB.DOMAIN.LOCAL_Dc:DC.DOMAIN.LOCAL_Throttle0_Budget:(D)Conn%3a1%2c%5d_");
	CHECK(l.proto == 121 && l.has_pk && l.pk == 0 && is(l.error, "DeviceNotProvisioned") && is(l.access, "BlockedP") &&
		      l.eas_status == -1 && l.heartbeat == -1 && is(l.mbx, "MB.DOMAIN.LOCAL"),
	      "2010 (E4): V121, Pk0, Error, As:BlockedP");
	/* spec E3 */
	parse("V0_LdapC9_LdapL16_Mbx:MB.DOMAIN.LOCAL_Dc:DC.DOMAIN.LOCAL_Throttle0_Budget:(A)Conn%3a0%2cNorm_");
	CHECK(l.present && l.proto == 0 && is(l.mbx, "MB.DOMAIN.LOCAL"), "2010 (E3): V0 (OPTIONS) is no version");
	/* the worked example's Sync line (spec 3.8) */
	parse("V141_Sst8_Fid:5_Ty:Em_Filt3_St:S_Sk:123_Cli:1a2c0d0f0e_Srv:3a0c0d0s0e0r1A0sd_Fid:7_Ty:Ca_"
	      "Srv:2a1c0d0s0e0r0A0sd_");
	CHECK(l.nfolders == 2 && l.has_cli && l.has_srv, "2010 folders: two (got %u)", l.nfolders);
	CHECK(cli(FT_EM, 1, 2, 0, 0) && srv(FT_EM, 3, 0, 0, 0, 1) && cli(FT_CA, 0, 0, 0, 0) && srv(FT_CA, 2, 1, 0, 0, 0),
	      "2010 folders: Cli/Srv counted under their Ty");
	parse("V141_Fid:1_Ty:Co_Cli:0a1c2d3f4e_Fid:2_Ty:Ta_Srv:1a0c0d5s0e9r0A7sd_Fid:3_Ty:Nt_Cli:9a0c0d0f0e_Fid:4_Ty:Xx_"
	      "Cli:1a1c1d1f0e_");
	CHECK(cli(FT_CO, 0, 1, 2, 3) && srv(FT_TA, 1, 0, 0, 5, 0) && cli(FT_NT, 9, 0, 0, 0) && cli(FT_OTHER, 1, 1, 1, 1),
	      "Co, Ta, Nt and an unknown type (Other); e, r and sd are not counted");
	parse("V141_Cli:1a0c0d0f0e_Srv:2a0c0d0s0e0r0A0sd_");
	CHECK(cli(FT_OTHER, 1, 0, 0, 0) && srv(FT_OTHER, 2, 0, 0, 0, 0), "Cli/Srv before any Ty count as Other");
	parse("V141_Oof:Set_");
	CHECK(l.oof == OOF_SET, "Oof:Set");
	parse("V141_Oof:get_");
	CHECK(l.oof == OOF_GET, "Oof:get (any case)");
	parse("V141_Oof:Maybe_");
	CHECK(l.oof == OOF_OTHER, "another Oof value");
	parse("V121_Att1_Attb20480_Ssp2_Sspb1024_Unc3_Uncb51_");
	CHECK(l.att == 1 && l.attb == 20480 && l.ssp == 2 && l.sspb == 1024 && l.unc == 3 && l.uncb == 51,
	      "Att, Attb, Ssp, Sspb, Unc, Uncb");
}

static void test_2013(void)
{
	/* spec E6: PrxFrom first, the 2013 back end, a negative CmdHC */
	parse("PrxFrom:fe80%3a%3a2063%3a570a%3a9da1%3a9b71%2512_V141_HH:fictitious-dc.fictitious.local%3a444_NMS1_"
	      "Ssnf:T_Srv:6a0c0d0s0e0r0A0sd_SrchP:Doc_As:AllowedG_Mbx:FICTITIOUS-DC.fictitious.local_"
	      "Dc:FICTITIOUS-DC.fictitious.local_Throttle0_DBL1_CmdHC-813709136_ActivityContextData:x_Budget:(D)y_");
	CHECK(is(l.prxfrom, "fe80%3a%3a2063%3a570a%3a9da1%3a9b71%2512") && l.proto == 141 &&
		      is(l.host, "fictitious-dc.fictitious.local%3a444") && is(l.access, "AllowedG") &&
		      is(l.mbx, "FICTITIOUS-DC.fictitious.local") && srv(FT_OTHER, 6, 0, 0, 0, 0),
	      "2013 (E6): PrxFrom (raw), V141, HH, As, Mbx, Srv");
	/* spec E8 */
	parse("PrxFrom:fe80%3a%3a1%2512_V141_HH:h_Unc1_Uncb51_ItOfd1_As:AllowedG_Mbx:M_Throttle0_DBL1_CmdHC1949035196_");
	CHECK(l.unc == 1 && l.uncb == 51 && is(l.access, "AllowedG"), "2013 (E8): Unc1, Uncb51");
	/* the 2013+ Cli layout (spec 4.4): ...e{sends}s{failedToSend}fs */
	parse("V141_Fid:5_Ty:Em_Cli:1a0c0d0f0e0s0fs_Srv:0a0c0d0s0e0r0A0sd_");
	CHECK(cli(FT_EM, 1, 0, 0, 0), "2013+ Cli:1a0c0d0f0e0s0fs: one client add");
	parse("V141_Fid:5_Ty:Em_Cli:0a1c2d3f4e5s6fs_");
	CHECK(cli(FT_EM, 0, 1, 2, 3) && srv(FT_EM, 0, 0, 0, 0, 0), "2013+ Cli: sends (s) and failed sends (fs) are not adds");
	/* negative hash codes and other unknown tokens do not lose the known ones */
	parse("V141_CmdHC-813709136_SyncHC-224598718_S2_ProvSyncTypeIcs_Hb900_TmRcv06:53:38.44_Error:X_123__Xyz-9_"
	      "Pk12_");
	CHECK(l.proto == 141 && l.eas_status == 2 && l.heartbeat == 900 && is(l.error, "X") && l.has_pk && l.pk == 12,
	      "unknown tokens around known ones (status %lld, hb %lld)", l.eas_status, l.heartbeat);
	CHECK(l.unknown >= 6 && l.tokens == l.unknown + 5,
	      "tokens and unknown tokens are counted (%u tokens, %u unknown)", l.tokens, l.unknown);
}

static void test_2016(void)
{
	/* spec E10 (cut): colons on numbers, Ver1 without V, a bare % */
	parse("SC1:1_PrxFrom:10.0.22.211_Ver1:161_HH:mail.domain.com_SmtpAdrs:User%domain.com_Hb:600_Rto:2_Cpo:656_"
	      "Fet:600000_Mbx:mail.domain.com_Cafe:MBX-SRV.DOMAIN.COM_Dc:dc-srv.domain.com_Throttle:0_SBkOffD:L%2f-470_"
	      "TmRcv:06:53:38.4480003_TmSt:06:53:38.4519947_Budget:(A)Owner%3aS-1-5-21%5FiPhone_");
	CHECK(l.proto == 161 && l.heartbeat == 600 && l.eas_status == -1 && is(l.prxfrom, "10.0.22.211") &&
		      is(l.mbx, "mail.domain.com") && is(l.host, "mail.domain.com"),
	      "2016 (E10): Ver1:161 is the protocol, Hb:600; SC1:1 is not a status (proto %u, S %lld)", l.proto,
	      l.eas_status);
	/* spec E9 */
	parse("PrxFrom:10.0.1.161_V160_Ver1:160_HH:eas.contoso.com_SmtpAdrs:jmartin%40contoso.com_Fet:6014_"
	      "Pk:4016830080_DevOS:iOS+9.2+13C71_As:AllowedG_Mbx:CLT-E16-MBX1.contoso.com_Throttle:0");
	CHECK(l.proto == 160 && l.has_pk && l.pk == 4016830080u && is(l.devos, "iOS+9.2+13C71") &&
		      is(l.access, "AllowedG") && is(l.mbx, "CLT-E16-MBX1.contoso.com"),
	      "2016 (E9): V160, Pk:4016830080, DevOS (raw), no trailing '_'");
	parse("V141_Ver1:161_");
	CHECK(l.proto == 141, "V wins over Ver1 (proto %u)", l.proto);
	parse("Ver1:161_V160_");
	CHECK(l.proto == 160, "V wins over Ver1 in either order (proto %u)", l.proto);
	parse("S:1_Pa:1_Att:2_Attb:40960_Ssp:1_Unc:4_Hb:60_Pk:7_Oof:Get_");
	CHECK(l.eas_status == 1 && is(l.pa, "1") && eas_log_pa(&l) == 1 && l.att == 2 && l.attb == 40960 && l.ssp == 1 &&
		      l.unc == 4 && l.heartbeat == 60 && l.pk == 7 && l.oof == OOF_GET,
	      "2016: S:, Pa:, Att:, Attb:, Ssp:, Unc:, Hb:, Pk: with colons");
	parse("V161_Fid:5_Ty:Em_Cli:0a1c0d0f0e0s0fs_Srv:3a0c1d0s0e0r0A0sd_S:1_");
	CHECK(cli(FT_EM, 0, 1, 0, 0) && srv(FT_EM, 3, 0, 1, 0, 0) && l.eas_status == 1, "2016 folders");
}

static void test_pa(void)
{
	parse("V141_Pa0_");
	CHECK(is(l.pa, "0") && eas_log_pa(&l) == 0, "Pa0 (%d)", eas_log_pa(&l));
	parse("V141_Pa2_");
	CHECK(is(l.pa, "2") && eas_log_pa(&l) == 2, "Pa2");
	parse("V141_Pa4_");
	CHECK(is(l.pa, "4") && eas_log_pa(&l) == 4, "Pa4 (third-party provisioned) is kept, not dropped (%d)",
	      eas_log_pa(&l));
	parse("V141_Pa1234567890123456789012345678901234567890_");
	CHECK(is(l.pa, "1234567890123456789012345678901234567890") && eas_log_pa(&l) == 1000,
	      "Pa with 40 digits: kept as logged, saturated as a number (%d)", eas_log_pa(&l));
	parse("V141_Pa_");
	CHECK(!slice_is_null(l.pa) && l.pa.n == 0 && eas_log_pa(&l) == -1, "Pa without digits: -1");
	parse("V141_Pa:x_");
	CHECK(eas_log_pa(&l) == -1, "Pa:x is not a number: -1");
	parse("V141_Pfs1_PaX_");
	CHECK(slice_is_null(l.pa) && eas_log_pa(&l) == -1, "Pfs and PaX are not Pa");
}

static void test_prefixes(void)
{
	/* a known name must be the whole name, not the start of a longer one */
	parse("Sst8_Ssnf:T_SC1:1_Sk:5_St:S_Sks:6_SsCmt9_");
	CHECK(l.eas_status == -1 && l.ssp == 0, "Sst, Ssnf, SC, Sk, St, Sks, SsCmt are not S or Ssp");
	parse("Hang1_HH:x_Hbx_");
	CHECK(l.heartbeat == -1, "Hang and Hbx are not Hb");
	parse("Attx3_Attb5_");
	CHECK(l.att == 0 && l.attb == 5, "Attb is not Att, Attx is neither");
	parse("Sspb9_Uncb8_");
	CHECK(l.ssp == 0 && l.sspb == 9 && l.unc == 0 && l.uncb == 8, "Sspb and Uncb are not Ssp and Unc");
	parse("PrxTo:x_PrxUser:y_Pk_Pkz1_");
	CHECK(slice_is_null(l.prxfrom) && !l.has_pk, "PrxTo, PrxUser, Pk without digits, Pkz are not PrxFrom/Pk");
	parse("Filt3_Fc1_Fet9_");
	CHECK(l.nfolders == 0, "Filt, Fc, Fet are not Fid");
	parse("Errors:x_ErrorX_As_Asx:y_Mbxs:z_DevOSVer:1_");
	CHECK(slice_is_null(l.error) && slice_is_null(l.access) && slice_is_null(l.mbx) && slice_is_null(l.devos),
	      "Errors, ErrorX, As without a value, Asx, Mbxs, DevOSVer are unknown");
	parse("V141__Hb1___S4_");
	CHECK(l.heartbeat == 1 && l.eas_status == 4, "empty tokens are skipped");
	parse("S99999999999999999999999_Hb99999999999999999999_");
	CHECK(l.eas_status >= 0 && l.heartbeat >= 0, "numbers too big never turn negative (S %lld, Hb %lld)", l.eas_status,
	      l.heartbeat);
	parse("Ty:Em_Srv:3a_Ty:Ca_Srv:4a_");
	CHECK(l.nfolders == 2 && srv(FT_EM, 3, 0, 0, 0, 0) && srv(FT_CA, 4, 0, 0, 0, 0), "Ty without Fid starts a folder");
	CHECK(strcmp(folder_type_name(FT_EM), "Em") == 0 && strcmp(folder_type_name(FT_OTHER), "Other") == 0,
	      "folder_type_name");
}

int main(void)
{
	test_absent();
	test_2003();
	test_2010();
	test_2013();
	test_2016();
	test_pa();
	test_prefixes();
	return test_done();
}
