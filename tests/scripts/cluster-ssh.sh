#!/bin/sh
# easlog-cluster for real over ssh (issue 6): an sshd of the test's own on
# 127.0.0.1 (a free port, its own config, host key and authorized key made
# here with ssh-keygen), three "hosts" that are ssh aliases of it with their
# own HostKeyAlias: h1 holds testdata/sample/EXCH01 and EXCH02, h2 holds
# EXCH03, and hdown points at a closed port. Checks:
#  1. h1 + h2: the merged reports equal one local run over the three
#     directories, byte for byte, all six reports, default and --compat mode;
#  2. h1 + h2 + hdown: exit 1, hdown and its directory named as missing, the
#     two others still merged (same reports as 1);
#  3. --spread: the files of testdata/sample spread over h1, h2 and hdown
#     (the jobs hdown fails are retried on the others): same reports;
#  4. a one-report tool (-t easlog-hits --report servers) gives one run's output.
# Works as root (PermitRootLogin in the test's config) and as a normal user.
# Skips (ok # skip) without sshd, ssh, ssh-keygen, GNU parallel or perl.
set -u
T=${T:-$(cd "$(dirname "$0")/../../testdata" && pwd)}
top=$(cd "$(dirname "$0")/../.." && pwd)
cluster=$top/scripts/easlog-cluster
n=0
ok() { n=$((n + 1)); echo "ok $n $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n $1"; }
skip() { echo "ok # skip $1"; exit 0; }

sshd=$(command -v sshd 2> /dev/null || true)
[ -n "$sshd" ] || { [ -x /usr/sbin/sshd ] && sshd=/usr/sbin/sshd; }
[ -n "$sshd" ] || skip "sshd is not installed (openssh-server)"
for c in ssh ssh-keygen parallel perl bash; do
	command -v $c > /dev/null 2>&1 || skip "$c is not installed"
done
parallel --version 2> /dev/null | grep -q 'GNU parallel' || skip "parallel is not GNU parallel"
tool=$(command -v easlog-report) || { not_ok "easlog-report is not on PATH"; exit 1; }
bin=$(cd "$(dirname "$tool")" && pwd)

w=$(mktemp -d "${TMPDIR:-/tmp}/easlog-cluster-ssh.XXXXXX")
pid=""
cleanup() {
	[ -z "$pid" ] || kill "$pid" 2> /dev/null
	rm -rf "$w"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

freeport() {
	perl -MIO::Socket::INET -e '$s = IO::Socket::INET->new(LocalAddr => "127.0.0.1", LocalPort => 0, Listen => 1) or die; print $s->sockport, "\n"'
}
listening() { # PORT: true when something accepts on 127.0.0.1:PORT
	perl -MIO::Socket::INET -e 'exit(IO::Socket::INET->new(PeerAddr => "127.0.0.1", PeerPort => $ARGV[0], Timeout => 1) ? 0 : 1)' "$1"
}

me=$(id -un)
ssh-keygen -q -t ed25519 -N '' -C easlog-test-host -f "$w/host_key" || { not_ok "ssh-keygen (host key)"; exit 1; }
ssh-keygen -q -t ed25519 -N '' -C easlog-test-user -f "$w/user_key" || { not_ok "ssh-keygen (user key)"; exit 1; }
cp "$w/user_key.pub" "$w/authorized_keys"
chmod 600 "$w/authorized_keys"
# as root, sshd wants its privilege separation directory (the service makes it)
[ "$(id -u)" != 0 ] || [ -d /run/sshd ] || mkdir -p /run/sshd

port=""
for _ in 1 2 3 4 5; do
	p=$(freeport) || break
	cat > "$w/sshd_config" << EOF
ListenAddress 127.0.0.1
Port $p
HostKey $w/host_key
PidFile $w/sshd.pid
AuthorizedKeysFile $w/authorized_keys
AllowUsers $me
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
PermitRootLogin prohibit-password
X11Forwarding no
AllowTcpForwarding no
PrintMotd no
MaxStartups 30:30:60
MaxSessions 30
LogLevel ERROR
EOF
	"$sshd" -D -e -f "$w/sshd_config" 2>> "$w/sshd.log" &
	pid=$!
	i=0
	while [ $i -lt 50 ] && kill -0 "$pid" 2> /dev/null && ! listening "$p"; do
		sleep 0.1
		i=$((i + 1))
	done
	if kill -0 "$pid" 2> /dev/null && listening "$p"; then
		port=$p
		break
	fi
	kill "$pid" 2> /dev/null
	wait "$pid" 2> /dev/null
	pid=""
done
if [ -z "$port" ]; then
	# an sshd that cannot run here (no privilege separation user, a
	# sandbox without setuid...) is an environment limit, not a failure
	skip "sshd would not start: $(tail -1 "$w/sshd.log" 2> /dev/null)"
fi
dead=$(freeport)

{
	printf 'h1,h2 '
	cut -d' ' -f1,2 "$w/host_key.pub"
} > "$w/known_hosts"
# first match wins in ssh_config: the per-alias blocks come first
cat > "$w/ssh_config" << EOF
Host h1
  HostKeyAlias h1
Host h2
  HostKeyAlias h2
Host hdown
  HostKeyAlias hdown
  Port $dead
Host h1 h2 hdown
  HostName 127.0.0.1
  Port $port
  User $me
  IdentityFile $w/user_key
  IdentitiesOnly yes
  BatchMode yes
  UserKnownHostsFile $w/known_hosts
  GlobalKnownHostsFile /dev/null
  StrictHostKeyChecking yes
  ConnectTimeout 10
  LogLevel ERROR
EOF
if ssh -F "$w/ssh_config" h1 true < /dev/null 2> "$w/ssh.err"; then
	ok "ssh login to the test sshd (h1, port $port)"
else
	not_ok "ssh login to the test sshd (h1, port $port)"
	sed 's/^/#   /' "$w/ssh.err" "$w/sshd.log" | head -10
	exit 1
fi

printf 'h1\nh2\n' > "$w/hosts2"
printf '# two good hosts and one down\nh1\nh2\nhdown\n' > "$w/hosts3"
{
	echo "h1:$T/sample/EXCH01"
	echo "h1:$T/sample/EXCH02"
	echo "h2:$T/sample/EXCH03"
	echo "hdown:$T/multi"
} > "$w/dirs"
dirs="$T/sample/EXCH01 $T/sample/EXCH02 $T/sample/EXCH03"
reports="Users Servers Hourly StatusCodes PolicyCompliance UserAgents"

# cl ARGS: easlog-cluster against the test's hosts with this build's tools
cl() {
	bash "$cluster" --ssh "ssh -F $w/ssh_config" --remote-path "$bin" --local-path "$bin" "$@"
}

# same_reports DESC LOCALDIR CLUSTERDIR
same_reports() {
	for r in $reports; do
		if [ ! -s "$2/$r.csv" ]; then
			not_ok "$1: $r.csv (no local report)"
		elif cmp -s "$2/$r.csv" "$3/$r.csv"; then
			ok "$1: $r.csv equals one local run"
		else
			not_ok "$1: $r.csv equals one local run"
			diff "$2/$r.csv" "$3/$r.csv" 2>&1 | head -6 | sed 's/^/#   /'
		fi
	done
}

# one local run over the same directories, in both modes
for mode in default compat; do
	flag=""
	[ $mode = compat ] && flag=--compat
	mkdir -p "$w/local-$mode"
	# shellcheck disable=SC2086
	easlog-report $flag -o "$w/local-$mode" $dirs 2> /dev/null
done
grep -v '^hdown:' "$w/dirs" > "$w/dirs2"

for mode in default compat; do
	flag=""
	[ $mode = compat ] && flag=--compat
	rm -rf "$w/cl-$mode"
	mkdir -p "$w/cl-$mode"
	# shellcheck disable=SC2086
	cl -H "$w/hosts2" -d "$w/dirs2" $flag -o "$w/cl-$mode" > "$w/out" 2> "$w/err" < /dev/null
	rc=$?
	if [ $rc = 0 ]; then
		ok "$mode: two hosts, exit 0"
	else
		not_ok "$mode: two hosts, exit $rc, want 0"
		sed 's/^/#   /' "$w/err" | head -10
	fi
	same_reports "$mode: h1 (EXCH01+EXCH02) + h2 (EXCH03)" "$w/local-$mode" "$w/cl-$mode"
done

# A host that is down: named, its directory named, the rest merged.
mkdir -p "$w/cl-down"
cl -H "$w/hosts3" -d "$w/dirs" -o "$w/cl-down" > "$w/out" 2> "$w/err" < /dev/null
rc=$?
if [ $rc = 1 ]; then ok "a host down: exit 1"; else not_ok "a host down: exit $rc, want 1"; fi
if grep -q "hdown: no partial" "$w/err" && grep -qF "missing: hdown: $T/multi" "$w/err"; then
	ok "a host down: the host and its directory are named"
else
	not_ok "a host down: the host and its directory are named"
	sed 's/^/#   /' "$w/err" | head -10
fi
if grep -q "INCOMPLETE: merged 2 of 3 partials" "$w/err"; then
	ok "a host down: says the reports are incomplete"
else
	not_ok "a host down: says the reports are incomplete"
fi
same_reports "a host down: the two others merged" "$w/local-default" "$w/cl-down"

# --spread: one directory on "shared storage", its files over all hosts.
mkdir -p "$w/cl-spread"
cl -H "$w/hosts3" --spread --chunks 4 --compat -o "$w/cl-spread" "$T/sample/EXCH01" "$T/sample/EXCH02" \
	"$T/sample/EXCH03" > "$w/out" 2> "$w/err" < /dev/null
rc=$?
if [ $rc = 0 ]; then
	ok "--spread over three hosts, one down: exit 0 (failed jobs retried elsewhere)"
else
	not_ok "--spread over three hosts, one down: exit $rc, want 0"
	sed 's/^/#   /' "$w/err" | head -10
fi
same_reports "--spread --compat" "$w/local-compat" "$w/cl-spread"

# A one-report tool: stdout is the report.
# shellcheck disable=SC2086
easlog-hits --report servers --format json $dirs > "$w/hits-local" 2> /dev/null
cl -H "$w/hosts2" -d "$w/dirs2" -t easlog-hits --report servers --format json > "$w/hits-cl" 2> "$w/err" < /dev/null
rc=$?
if [ $rc = 0 ] && [ -s "$w/hits-local" ] && cmp -s "$w/hits-local" "$w/hits-cl"; then
	ok "-t easlog-hits --report servers: equals one local run"
else
	not_ok "-t easlog-hits --report servers: equals one local run (exit $rc)"
	sed 's/^/#   /' "$w/err" | head -6
fi

# The sshd is still the one the test started.
if kill -0 "$pid" 2> /dev/null; then ok "the test sshd ran throughout"; else not_ok "the test sshd died"; fi
