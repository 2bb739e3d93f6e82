#!/bin/sh
# README "Beyond one machine" (issue 6), tested as written: the wrappers
# easlog-map and easlog-reduce and the PySpark snippet are taken from
# README.md and run the way Hadoop Streaming and Spark would run them:
#  1. Hadoop Streaming: NLineInputFormat splits of 3 file names ("offset<TAB>
#     path" lines) into easlog-map, a combiner pass, the sort, easlog-reduce,
#     then `cut -f2- | easlog-report --merge -o DIR -`: the six reports equal
#     one run over testdata/sample, default and --compat; the same with
#     EASLOG_TOOL=easlog-hits --report servers;
#  2. a mapper given a file that is not there exits non-zero (Hadoop fails
#     the task instead of leaving a gap);
#  3. Spark: the README's snippet, with partitions of 3 file names, under a
#     stand-in pyspark whose RDD.pipe() runs the command once per partition
#     (skipped without python3).
set -u
T=${T:-$(cd "$(dirname "$0")/../../testdata" && pwd)}
top=$(cd "$(dirname "$0")/../.." && pwd)
readme=$top/README.md
n=0
ok() { n=$((n + 1)); echo "ok $n $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n $1"; }
w=$(mktemp -d "${TMPDIR:-/tmp}/easlog-streaming.XXXXXX")
trap 'rm -rf "$w"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
reports="Users Servers Hourly StatusCodes PolicyCompliance UserAgents"

# block MARK: the fenced code block of README.md whose lines include MARK
block() {
	awk -v mark="$1" '
		/^```/ { if (inb) { if (found) { printf "%s", buf; exit } inb = 0; buf = ""; next } inb = 1; next }
		inb { buf = buf $0 "\n"; if (index($0, mark) == 1) found = 1 }
	' "$readme"
}

mkdir -p "$w/bin"
block '# easlog-map:' > "$w/bin/easlog-map"
block '# easlog-reduce:' > "$w/bin/easlog-reduce"
block '# easlog on Spark:' > "$w/spark.py"
for f in easlog-map easlog-reduce; do
	if [ -s "$w/bin/$f" ] && head -1 "$w/bin/$f" | grep -q '^#!/bin/sh'; then
		ok "README holds the $f wrapper"
	else
		not_ok "README holds the $f wrapper"
	fi
	chmod +x "$w/bin/$f"
done

find "$T/sample" -type f | LC_ALL=C sort > "$w/files.txt"

# hadoop OPTS TOOL OUTDIR|OUTFILE: the job, simulated; the final command's output
hadoop() {
	ho=$1 ht=$2 hout=$3
	hd=$w/job
	rm -rf "$hd"
	mkdir -p "$hd"
	# NLineInputFormat, 3 lines a split: "offset<TAB>line"
	awk -v d="$hd" '{ f = sprintf("%s/split.%03d", d, int((NR - 1) / 3)); printf "%d\t%s\n", off, $0 > f; off += length($0) + 1 }' \
		"$w/files.txt"
	hrc=0
	for s in "$hd"/split.*; do
		EASLOG_OPTS=$ho EASLOG_TOOL=$ht sh "$w/bin/easlog-map" < "$s" > "$s.map" 2> /dev/null || hrc=1
	done
	# a combiner pass over the first two map outputs
	cat "$hd/split.000.map" "$hd/split.001.map" | sort |
		EASLOG_OPTS=$ho EASLOG_TOOL=$ht sh "$w/bin/easlog-reduce" > "$hd/combined" 2> /dev/null || hrc=1
	rm "$hd/split.000.map" "$hd/split.001.map"
	cat "$hd/combined" "$hd"/split.*.map | sort |
		EASLOG_OPTS=$ho EASLOG_TOOL=$ht sh "$w/bin/easlog-reduce" > "$hd/part-00000" 2> /dev/null || hrc=1
	if [ "$ht" = easlog-report ]; then
		mkdir -p "$hout"
		# shellcheck disable=SC2086
		cut -f2- "$hd/part-00000" | easlog-report --merge $ho -o "$hout" - 2> /dev/null || hrc=1
	else
		# shellcheck disable=SC2086
		cut -f2- "$hd/part-00000" | $ht --merge $ho - > "$hout" 2> /dev/null || hrc=1
	fi
	return $hrc
}

for mode in default compat; do
	flag=""
	[ $mode = compat ] && flag=--compat
	mkdir -p "$w/one-$mode"
	# shellcheck disable=SC2086
	easlog-report $flag -o "$w/one-$mode" "$T/sample" 2> /dev/null
	if hadoop "$flag" easlog-report "$w/hadoop-$mode"; then
		ok "$mode: the simulated Hadoop Streaming job succeeds"
	else
		not_ok "$mode: the simulated Hadoop Streaming job succeeds"
	fi
	for r in $reports; do
		if [ -s "$w/one-$mode/$r.csv" ] && cmp -s "$w/one-$mode/$r.csv" "$w/hadoop-$mode/$r.csv"; then
			ok "$mode: Hadoop Streaming $r.csv = one run"
		else
			not_ok "$mode: Hadoop Streaming $r.csv = one run"
		fi
	done
done
easlog-hits --report servers "$T/sample" > "$w/hits-one" 2> /dev/null
if hadoop "--report servers" easlog-hits "$w/hits-hadoop" && [ -s "$w/hits-one" ] &&
	cmp -s "$w/hits-one" "$w/hits-hadoop"; then
	ok "EASLOG_TOOL=easlog-hits --report servers: Hadoop Streaming = one run"
else
	not_ok "EASLOG_TOOL=easlog-hits --report servers: Hadoop Streaming = one run"
fi

printf '0\t%s\n12\t%s\n' "$(head -1 "$w/files.txt")" "$w/not-there.log" > "$w/badsplit"
if sh "$w/bin/easlog-map" < "$w/badsplit" > /dev/null 2>&1; then
	not_ok "a mapper over a missing file exits non-zero"
else
	ok "a mapper over a missing file exits non-zero"
fi
if sh "$w/bin/easlog-map" < /dev/null > "$w/empty.map" 2>&1 && [ ! -s "$w/empty.map" ]; then
	ok "a mapper with no input writes nothing and succeeds"
else
	not_ok "a mapper with no input writes nothing and succeeds"
fi

# Spark, with a stand-in pyspark.
if ! command -v python3 > /dev/null 2>&1; then
	echo "ok # skip the Spark snippet: no python3"
	exit 0
fi
mkdir -p "$w/spark/pyspark"
cat > "$w/spark/pyspark/__init__.py" << 'EOF'
# A stand-in for the part of PySpark the README's snippet uses: RDD.pipe()
# runs the command once per partition, the elements one per line on its
# standard input, its output lines the new partition.
import os
import shlex
import subprocess


class RDD:
    def __init__(self, parts):
        self.parts = parts

    def pipe(self, command, env=None, checkCode=False):
        out = []
        for part in self.parts:
            e = dict(os.environ)
            e.update(env or {})
            r = subprocess.run(shlex.split(command), input="".join(str(x) + "\n" for x in part),
                               stdout=subprocess.PIPE, universal_newlines=True, env=e)
            if checkCode and r.returncode != 0:
                raise RuntimeError("%s exited %d" % (command, r.returncode))
            out.append(r.stdout.splitlines())
        return RDD(out)

    def coalesce(self, n):
        flat = [x for p in self.parts for x in p]
        return RDD([flat[i * len(flat) // n:(i + 1) * len(flat) // n] for i in range(n)])

    def collect(self):
        return [x for p in self.parts for x in p]

    def getNumPartitions(self):
        return len(self.parts)


class SparkContext:
    def __init__(self, appName=None):
        self.appName = appName

    def parallelize(self, data, numSlices=1):
        n = max(1, numSlices)
        return RDD([data[i * len(data) // n:(i + 1) * len(data) // n] for i in range(n)])
EOF
cp "$w/files.txt" "$w/spark/files.txt"
# partitions of 3 file names instead of 25, so that there are several
sed 's|len(files) // 25|len(files) // 3|' "$w/spark.py" > "$w/spark/job.py"
if grep -q 'len(files) // 3' "$w/spark/job.py"; then
	ok "README holds the PySpark snippet"
else
	not_ok "README holds the PySpark snippet"
fi
if (cd "$w/spark" && PATH="$w/bin:$PATH" PYTHONPATH="$w/spark" python3 job.py > "$w/spark.out" 2>&1); then
	ok "the PySpark snippet runs"
else
	not_ok "the PySpark snippet runs"
	sed 's/^/#   /' "$w/spark.out" | tail -5
fi
for r in $reports; do
	if [ -s "$w/one-compat/$r.csv" ] && cmp -s "$w/one-compat/$r.csv" "$w/spark/reports/$r.csv"; then
		ok "Spark (--compat) $r.csv = one run"
	else
		not_ok "Spark (--compat) $r.csv = one run"
	fi
done
