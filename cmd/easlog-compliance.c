/* easlog-compliance: devices by policy compliance. */
#include "report_tool.h"

int main(int argc, char **argv)
{
	static const struct report_tool t = {
		"easlog-compliance",
		"usage: easlog-compliance [-hVv] [--list] [--format csv|tsv|json] [--compat]\n"
		"                         [--start TIME] [--end TIME] [--local] [--server NAME] [-j N]\n"
		"                         [--user USER] [--device ID] [--device-type TYPE] [--cmd CMD]\n"
		"                         [--match FIELD=REGEX] [--stats] [--strict]\n"
		"                         [--partial FILE | --merge | --state DIR]\n"
		"                         [file | dir | -] ...",
		"Writes Export-ActiveSyncLog's PolicyCompliance report: user/device pairs by the\n"
		"class of their latest policy acknowledgement (Pa in the Log data), to stdout.\n\n"
		"  --list              name the devices of each class instead of counting them\n",
		&compliance_ops, false, true,
	};
	return report_tool_main(&t, argc, argv);
}
