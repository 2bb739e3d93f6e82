/* replay: runs a fuzz target's LLVMFuzzerTestOneInput over saved inputs
 * without libFuzzer (any compiler; the regression test builds it against
 * build/ and build-asan/). Arguments: files or directories (their regular
 * files, not recursively). Prints "ok N FILE" per input; an input that
 * breaks an invariant aborts the program, naming the file on stderr first. */
#include <dirent.h>
#include <sys/stat.h>

#include "fuzz.h"

__attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static int count;

static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		return -1;
	}
	size_t cap = 1 << 16, n = 0, r;
	uint8_t *b = malloc(cap);
	while ((r = fread(b + n, 1, cap - n, f)) > 0) {
		n += r;
		if (n == cap)
			b = realloc(b, cap *= 2);
	}
	fclose(f);
	fprintf(stderr, "replay: %s\n", path);
	/* an exact-size copy: reads past the input are caught */
	uint8_t *d = malloc(n ? n : 1);
	memcpy(d, b, n);
	free(b);
	LLVMFuzzerTestOneInput(d, n);
	free(d);
	printf("ok %d %s\n", ++count, path);
	return 0;
}

int main(int argc, char **argv)
{
	LLVMFuzzerInitialize(&argc, &argv);
	int rc = 0;
	for (int i = 1; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) < 0) {
			perror(argv[i]);
			rc = 1;
			continue;
		}
		if (!S_ISDIR(st.st_mode)) {
			rc |= run_file(argv[i]) < 0;
			continue;
		}
		struct dirent **ents;
		int n = scandir(argv[i], &ents, NULL, alphasort);
		for (int k = 0; k < n; k++) {
			char p[4096];
			snprintf(p, sizeof p, "%s/%s", argv[i], ents[k]->d_name);
			if (ents[k]->d_name[0] != '.' && stat(p, &st) == 0 && S_ISREG(st.st_mode))
				rc |= run_file(p) < 0;
			free(ents[k]);
		}
		free(ents);
	}
	return rc;
}
