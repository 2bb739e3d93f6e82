# A report tool whose stdout cannot be written (/dev/full: ENOSPC) exits 1 with
# a message on stderr naming the tool, in both modes; easlog-report -o /dev/full
# (not a directory) exits 1 too.
for tool in "easlog-hits" "easlog-hits --report servers" "easlog-hits --report hourly" \
	easlog-useragent easlog-compliance easlog-http; do
	for m in "" --compat; do
		$tool $m "$T/worked-example.log" > /dev/full 2> err
		rc=$?
		prog=${tool%% *}
		msg=no
		grep -q "^$prog: .*\(write\|space\)" err && msg=yes
		echo "$tool $m: exit $rc, message $msg"
	done
done
easlog-report -o /dev/full "$T/worked-example.log" 2> err
echo "easlog-report -o /dev/full: exit $?"
