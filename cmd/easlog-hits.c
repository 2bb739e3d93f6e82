/* easlog-hits: hits per user and device, per server, or per hour. */
#include "report_tool.h"

int main(int argc, char **argv)
{
	static const struct report_tool t = {
		"easlog-hits",
		"usage: easlog-hits [-hVv] [--report users|servers|hourly] [--by weekday] [--tz ZONE]\n"
		"                   [--format csv|tsv|json] [--compat] [--tier auto|fe|be|all]\n"
		"                   [--start TIME] [--end TIME] [--local] [--server NAME] [-j N]\n"
		"                   [--user USER] [--device ID] [--device-type TYPE] [--cmd CMD]\n"
		"                   [--match FIELD=REGEX] [--stats] [--strict]\n"
		"                   [--partial FILE | --merge | --state DIR]\n"
		"                   [file | dir | -] ...",
		"Writes Export-ActiveSyncLog's Users report (default), Servers report or Hourly\n"
		"report, across all servers in the input, to stdout.\n\n"
		"  --report users|servers|hourly  which report (default users)\n"
		"  --by weekday        Hourly: pool all dates into 168 weekday x hour rows\n"
		"  --tz ZONE           Hourly: hours in time zone ZONE (e.g. Europe/Berlin), not UTC",
		&users_ops, true, false,
	};
	return report_tool_main(&t, argc, argv);
}
