/* easlog-http: HTTP and EAS status codes. */
#include "report_tool.h"

int main(int argc, char **argv)
{
	static const struct report_tool t = {
		"easlog-http",
		"usage: easlog-http [-hVv] [--format csv|tsv|json] [--compat] [--tier auto|fe|be|all]\n"
		"                   [--start TIME] [--end TIME] [--local] [--server NAME] [-j N]\n"
		"                   [--user USER] [--device ID] [--device-type TYPE] [--cmd CMD]\n"
		"                   [--match FIELD=REGEX] [--stats] [--strict]\n"
		"                   [--partial FILE | --merge | --state DIR]\n"
		"                   [file | dir | -] ...",
		"Writes Export-ActiveSyncLog's StatusCodes report to stdout: hits per HTTP status\n"
		"and substatus (with the win32 status), and, from the Log data, per EAS status\n"
		"and error name.\n",
		&statuscodes_ops, false, false,
	};
	return report_tool_main(&t, argc, argv);
}
