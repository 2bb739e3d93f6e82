# --rules FILE: its rules come before the default ones (a local rule wins over
# the default Samsung rule; an added agent is classified); several files are
# tried in the order given; runs of TABs separate fields; $$ is a dollar.
export EASLOG_RULES="$TESTS/../share/easlog/useragents.rules"
printf '# local rules\nAndroid\t\tSamsung Email (work profile)\tAndroid $1\t^Android-SAMSUNG-SM-T870/[^\\t]*\\tAndroid ([0-9.]+)\n' > a.rules
printf 'Tablet\tKSAndroid $$%s\tAndroid $1\t^KSAndroid/([0-9.]+)\n' x > b.rules
printf 'Nope\tnever\tnever\t^KSAndroid/\n' > c.rules
easlog-useragent --classify --rules a.rules --rules b.rules --rules c.rules "$T/sample" 2>/dev/null
