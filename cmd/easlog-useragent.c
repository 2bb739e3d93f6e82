/* easlog-useragent: hits and distinct devices per user agent, or per
 * platform, OS version and client (--classify). */
#include "report_tool.h"

#ifdef EASLOG_RULES_PATH
#define RULES_HELP "                      (default rules: $EASLOG_RULES, else " EASLOG_RULES_PATH ",\n"
#else
#define RULES_HELP "                      (default rules: $EASLOG_RULES,\n"
#endif

int main(int argc, char **argv)
{
	static const struct report_tool t = {
		"easlog-useragent",
		"usage: easlog-useragent [-hVv] [--classify] [--group family|os|client] [--rules FILE]\n"
		"                        [--format csv|tsv|json] [--compat] [--tier auto|fe|be|all]\n"
		"                        [--start TIME] [--end TIME] [--local] [--server NAME] [-j N]\n"
		"                        [--user USER] [--device ID] [--device-type TYPE] [--cmd CMD]\n"
		"                        [--match FIELD=REGEX] [--stats] [--strict]\n"
		"                        [--partial FILE | --merge | --state DIR]\n"
		"                        [file | dir | -] ...",
		"Writes Export-ActiveSyncLog's UserAgents report (hits and distinct devices per\n"
		"user agent) across all servers in the input, to stdout; or, with --classify,\n"
		"hits and distinct devices per platform family, OS version and client.\n\n"
		"  --classify          classify the agents (and the devices' DevOS) with the rules\n"
		"  --group COLUMNS     family, os or client, or several joined by commas (default all)\n"
		"  --rules FILE        rules tried before the default ones (repeatable)\n" RULES_HELP
		"                      else ../share/easlog/useragents.rules from the binary's directory)\n",
		&useragents_ops, false, false,
	};
	return report_tool_main(&t, argc, argv);
}
