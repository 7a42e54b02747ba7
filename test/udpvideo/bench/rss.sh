#!/usr/bin/env bash
# Resident memory of the sender and the receiver over a soak: both scripts on loopback, the sender streaming its
# test pattern at 30 fps, the receiver headless. Samples VmRSS from /proc/PID/status every few seconds and prints,
# per program, the first sample, the largest and the last, in MB (1 MB = 1,048,576 bytes).
#
#   test/udpvideo/bench/rss.sh [WxH] [SECONDS] [EVERY_SECONDS]    (defaults: 1280x720 180 5)
#
# Run from the repository after `make`. JAVA_OPTS, when set, goes to both programs after the scripts' own
# defaults (as the scripts pass it), so the same run can measure other settings:
#   JAVA_OPTS='-Xmx1g' test/udpvideo/bench/rss.sh 1920x1080 180
# Linux only (/proc). Takes SECONDS plus a few: it is a measurement, not a test; CI never runs it.
set -euo pipefail
size="${1:-1280x720}"
seconds="${2:-180}"
every="${3:-5}"
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
port=$(( 20000 + RANDOM % 20000 ))
log="$(mktemp -d)"

receiver_pid=""
sender_pid=""
stop_all() {
    for pid in $sender_pid $receiver_pid; do
        kill "$pid" 2>/dev/null || true
    done
    wait 2>/dev/null || true
    rm -rf "$log"
}
trap stop_all EXIT

"$home/run-receiver.sh" --headless --bind 127.0.0.1 --port "$port" >"$log/receiver.out" 2>"$log/receiver.err" &
receiver_pid=$!
for _ in $(seq 100); do # the receiver says when it is bound
    grep -q '^listening on' "$log/receiver.out" 2>/dev/null && break
    sleep 0.1
done
"$home/run-sender.sh" --source test --size "$size" --fps 30 --host 127.0.0.1 --port "$port" \
    >"$log/sender.out" 2>"$log/sender.err" &
sender_pid=$!

rss_mb() { # VmRSS of a live process, in MB; empty once it has exited
    awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status" 2>/dev/null || true
}

declare -A first max last
end=$(( SECONDS + seconds ))
while (( SECONDS < end )); do
    sleep "$every"
    for name in sender receiver; do
        pid_var="${name}_pid"
        mb="$(rss_mb "${!pid_var}")"
        if [[ -z "$mb" ]]; then
            echo "rss.sh: the $name exited early:" >&2
            tail -n 5 "$log/$name.err" >&2
            exit 1
        fi
        first[$name]="${first[$name]:-$mb}"
        last[$name]="$mb"
        (( mb > ${max[$name]:-0} )) && max[$name]="$mb"
    done
done

echo "RSS at ${size} 30 fps for ${seconds} s, sampled every ${every} s; JAVA_OPTS='${JAVA_OPTS:-}'"
printf '%-9s %9s %9s %9s\n' program "start MB" "max MB" "end MB"
for name in sender receiver; do
    printf '%-9s %9s %9s %9s\n' "$name" "${first[$name]}" "${max[$name]}" "${last[$name]}"
done
echo "receiver's last status: $(grep '^udpvideo' "$log/receiver.err" | tail -n 1)"
