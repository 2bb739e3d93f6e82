/* easlog-useragent: hits and distinct devices per user agent. */
#include "report_tool.h"

int main(int argc, char **argv)
{
	static const struct report_tool t = {
		"easlog-useragent",
		"usage: easlog-useragent [-hVv] [--format csv|tsv|json] [--compat] [--tier auto|fe|be|all]\n"
		"                        [--start TIME] [--end TIME] [--local] [--server NAME] [-j N]\n"
		"                        [--user USER] [--device ID] [--device-type TYPE] [--cmd CMD]\n"
		"                        [--match FIELD=REGEX] [--stats] [--strict]\n"
		"                        [--partial FILE | --merge | --state DIR]\n"
		"                        [file | dir | -] ...",
		"Writes Export-ActiveSyncLog's UserAgents report (hits and distinct devices per\n"
		"user agent) across all servers in the input, to stdout.\n",
		&useragents_ops, false, false,
	};
	return report_tool_main(&t, argc, argv);
}
