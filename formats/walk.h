/* walk: turns operands (files, directories walked recursively, "-" for stdin)
 * into the ordered list of inputs to read; reports what cannot be walked. */
#ifndef EASLOG_WALK_H
#define EASLOG_WALK_H

#include <stddef.h>

struct walk_list {
	char **paths; /* owned; "-" stands for stdin */
	size_t n, cap;
	unsigned errors; /* operands or directories that could not be walked */
};

/* Appends the inputs named by operand: a file as is, a directory's regular
 * files in byte order of their names, depth first, following symbolic links
 * but not around a loop. Problems are written to stderr as "PROG: PATH: why"
 * and counted in list->errors. Returns -1 only when out of memory. */
int walk_operand(struct walk_list *list, const char *operand, const char *prog);

/* Sorts the list in byte order of the paths: the input order of a run,
 * the same whatever order the operands came in (so partial results made
 * elsewhere merge into exactly what one run would give). */
void walk_sort(struct walk_list *list);

void walk_free(struct walk_list *list);

#endif
