#!/bin/sh
# One command on a fresh Debian/Ubuntu machine: installs what is missing
# (apt-get: root or sudo), builds, and runs easlog-report on the bundled
# multi-server sample (testdata/sample: three servers, plain and gzip).
set -eu
cd "$(dirname "$0")"
sh scripts/deps.sh
make -j"$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)"
mkdir -p sample-reports
./build/easlog-report --force -o sample-reports testdata/sample
echo
echo "The six reports are in $(pwd)/sample-reports/:"
ls -l sample-reports
