/* report_tool: the shared main of the one-report tools (easlog-hits,
 * easlog-useragent, easlog-compliance, easlog-http): options, one pass, the
 * report on stdout as CSV, TSV or JSON Lines. */
#ifndef EASLOG_REPORT_TOOL_H
#define EASLOG_REPORT_TOOL_H

#include "../analyzers/analyzer.h"

struct report_tool {
	const char *prog;
	const char *usage;      /* the SYNOPSIS, as in the man page */
	const char *about;      /* what the report is, for --help */
	const struct analyzer_ops *ops;
	bool hits;              /* --report, --by, --tz, and the triage options: --top,
				 * --sort, --min-hits, --interval, --group, --baseline,
				 * --threshold, --min-change, --rules */
	bool list;              /* --list */
};
/* The tool whose report is the UserAgents report also takes --classify,
 * --rules and --group (easlog-useragent). */

int report_tool_main(const struct report_tool *t, int argc, char **argv);

#endif
