/* easlog-hits: hits per user and device, per server, or per hour; and the
 * triage reports: devices, a time series, baselines. */
#include "report_tool.h"

int main(int argc, char **argv)
{
	static const struct report_tool t = {
		"easlog-hits",
		"usage: easlog-hits [-hVv] [--report users|servers|hourly|devices|series] [--by weekday]\n"
		"                   [--tz ZONE] [--top N] [--sort COLUMN] [--min-hits N]\n"
		"                   [--interval LENGTH] [--group GROUP] [--baseline DAYS]\n"
		"                   [--threshold K] [--min-change N] [--rules FILE]\n"
		"                   [--format csv|tsv|json] [--compat] [--tier auto|fe|be|all]\n"
		"                   [--start TIME] [--end TIME] [--local] [--server NAME] [-j N]\n"
		"                   [--user USER] [--device ID] [--device-type TYPE] [--cmd CMD]\n"
		"                   [--match FIELD=REGEX] [--stats] [--strict]\n"
		"                   [--partial FILE | --merge | --state DIR]\n"
		"                   [file | dir | -] ...",
		"Writes Export-ActiveSyncLog's Users report (default), Servers report or Hourly\n"
		"report, or a triage report, across all servers in the input, to stdout.\n\n"
		"  --report users|servers|hourly|devices|series  which report (default users)\n"
		"  --by weekday        Hourly: pool all dates into 168 weekday x hour rows\n"
		"  --tz ZONE           Hourly, series, baseline: time zone ZONE (e.g. Europe/Berlin), not UTC\n"
		"  --top N             devices: the first N rows only\n"
		"  --sort COLUMN       devices: sort by COLUMN (default Hits), largest first\n"
		"  --min-hits N        devices: rows with at least N hits\n"
		"  --interval LENGTH   series: bucket length 5m, 15m, 1h (default) or 1d\n"
		"  --group GROUP       series, baseline: per server, device-type, agent-family, os or command\n"
		"  --baseline DAYS     hours of the last day whose hits or error rate are outside the\n"
		"                      normal range of the DAYS days before (per --group, default server)\n"
		"  --threshold K       baseline: robust z-score limit (default 4)\n"
		"  --min-change N      baseline: never flag a change of N requests or errors or fewer (default 10)\n"
		"  --rules FILE        user agent rules tried before the default ones (agent-family, os)",
		&users_ops, true, false,
	};
	return report_tool_main(&t, argc, argv);
}
