/* walk: operand expansion. */
#include "walk.h"

#include <dirent.h>
#include <stdbool.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct dir_id {
	dev_t dev;
	ino_t ino;
};

static int push(struct walk_list *l, const char *path)
{
	if (l->n == l->cap) {
		size_t nc = l->cap ? l->cap * 2 : 64;
		char **np = realloc(l->paths, nc * sizeof *np);
		if (!np)
			return -1;
		l->paths = np;
		l->cap = nc;
	}
	l->paths[l->n] = strdup(path);
	if (!l->paths[l->n])
		return -1;
	l->n++;
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walk_dir(struct walk_list *l, const char *dir, const char *prog,
		    struct dir_id *stack, int depth, size_t *found)
{
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "%s: %s: cannot open directory: %s\n", prog, dir, strerror(errno));
		l->errors++;
		return 0;
	}
	char **names = NULL;
	size_t nn = 0, nc = 0;
	struct dirent *e;
	int rc = 0;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (nn == nc) {
			nc = nc ? nc * 2 : 32;
			char **t = realloc(names, nc * sizeof *t);
			if (!t) {
				rc = -1;
				goto out;
			}
			names = t;
		}
		names[nn] = strdup(e->d_name);
		if (!names[nn]) {
			rc = -1;
			goto out;
		}
		nn++;
	}
	if (nn > 1)
		qsort(names, nn, sizeof *names, cmp_str);
	for (size_t i = 0; i < nn && rc == 0; i++) {
		size_t len = strlen(dir) + strlen(names[i]) + 2;
		char *path = malloc(len);
		if (!path) {
			rc = -1;
			break;
		}
		snprintf(path, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", names[i]);
		struct stat st;
		if (stat(path, &st) < 0) {
			fprintf(stderr, "%s: %s: %s\n", prog, path, strerror(errno));
			l->errors++;
		} else if (S_ISDIR(st.st_mode)) {
			bool loop = false;
			for (int k = 0; k < depth; k++)
				if (stack[k].dev == st.st_dev && stack[k].ino == st.st_ino)
					loop = true;
			if (loop) {
				fprintf(stderr, "%s: %s: directory loop (symbolic link back to a parent), skipped\n",
					prog, path);
				l->errors++;
			} else if (depth >= 64) {
				fprintf(stderr, "%s: %s: directories nested too deep, skipped\n", prog, path);
				l->errors++;
			} else {
				stack[depth] = (struct dir_id){st.st_dev, st.st_ino};
				rc = walk_dir(l, path, prog, stack, depth + 1, found);
			}
		} else if (S_ISREG(st.st_mode)) {
			rc = push(l, path);
			(*found)++;
		}
		free(path);
	}
out:
	for (size_t i = 0; i < nn; i++)
		free(names[i]);
	free(names);
	closedir(d);
	return rc;
}

int walk_operand(struct walk_list *l, const char *operand, const char *prog)
{
	if (strcmp(operand, "-") == 0)
		return push(l, "-");
	struct stat st;
	if (stat(operand, &st) < 0) {
		fprintf(stderr, "%s: %s: %s\n", prog, operand, strerror(errno));
		l->errors++;
		return 0;
	}
	if (!S_ISDIR(st.st_mode))
		return push(l, operand);
	struct dir_id stack[65];
	stack[0] = (struct dir_id){st.st_dev, st.st_ino};
	size_t found = 0;
	if (walk_dir(l, operand, prog, stack, 1, &found) < 0)
		return -1;
	if (found == 0) {
		fprintf(stderr, "%s: %s: no log files in directory\n", prog, operand);
		l->errors++;
	}
	return 0;
}

void walk_sort(struct walk_list *l)
{
	if (l->n > 1)
		qsort(l->paths, l->n, sizeof *l->paths, cmp_str);
}

void walk_free(struct walk_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->paths[i]);
	free(l->paths);
	l->paths = NULL;
	l->n = l->cap = 0;
}
