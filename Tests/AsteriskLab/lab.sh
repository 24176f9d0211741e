#!/bin/bash
# A real Asterisk lab for Dialer's integration tests: a "pbx" that Dialer drives over AMI and a "carrier"
# that plays the customers over a PJSIP trunk, both on 127.0.0.1 only. See README.md beside this file.
#
# usage: lab.sh find                     print the Asterisk to use (exit 0), or why there is none (exit 1)
#        lab.sh packages                 print the Debian runtime packages the lab needs (one line)
#        lab.sh start WORKDIR            unpack, write configs, boot carrier + pbx; print KEY=VALUE lines
#        lab.sh env WORKDIR              print the KEY=VALUE lines of the running lab again
#        lab.sh cli WORKDIR pbx|carrier 'COMMAND'   run one Asterisk CLI command on an instance
#        lab.sh restart WORKDIR pbx|carrier   kill one instance (its calls are cut off) and start it again
#        lab.sh stop WORKDIR             stop both instances
# environment:
#   ASTERISK    a tarball (*.tar.xz), an unpacked tree (with sbin/asterisk) or an asterisk binary; when unset:
#               asterisk on PATH, then ../shared/asterisk/asterisk-22.10.1-pjsip-linux-x86_64.tar.xz
#               beside the repository
#   AGENTS      the queue's static members at start, comma-separated (default an,binh,chi,dung,em; empty:
#               none; add more with: lab.sh cli W pbx 'queue add member Local/NAME@lab-agents to campaign
#               penalty 0 as NAME')
#   AMI_SECRET  the manager secret (default: a random one, printed)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
TARBALL_NAME=asterisk-22.10.1-pjsip-linux-x86_64.tar.xz
DEFAULT_TARBALL=$REPO/../shared/asterisk/$TARBALL_NAME
PACKAGES="libedit2 libjansson4 libxml2 libxslt1.1 libuuid1 libssl3 libsqlite3-0"
ALL_AGENTS=an,binh,chi,dung,em
# The modules the lab's configs load (pbx/modules.conf, carrier/modules.conf).
NEEDED_MODULES="chan_pjsip res_pjsip res_pjsip_session res_pjsip_sdp_rtp res_pjsip_endpoint_identifier_ip
  res_pjproject res_rtp_asterisk app_amd app_queue app_playback app_userevent pbx_config format_wav codec_ulaw
  res_timing_timerfd bridge_simple func_strings"
CLAIMS=${TMPDIR:-/tmp}/asterisk-lab-ports

die() { echo "lab.sh: $*" >&2; exit 1; }

kind_of() { # tarball | tree | binary | (nothing)
  local p=$1
  if [ -f "$p" ] && [[ "$p" == *.tar.xz || "$p" == *.tar.gz || "$p" == *.tgz || "$p" == *.tar ]]; then echo tarball
  elif [ -d "$p" ] && [ -x "$p/sbin/asterisk" ]; then echo tree
  elif [ -f "$p" ] && [ -x "$p" ]; then echo binary
  fi
}

# Sets AST (absolute path) and AST_KIND, or WHY and returns 1.
find_asterisk() {
  WHY=""
  if [ -n "${ASTERISK:-}" ]; then
    AST_KIND=$(kind_of "$ASTERISK")
    [ -n "$AST_KIND" ] || { WHY="ASTERISK=$ASTERISK is neither a tarball, an unpacked tree (sbin/asterisk) nor an executable"; return 1; }
    AST=$(realpath "$ASTERISK"); return 0
  fi
  local p
  if p=$(command -v asterisk 2>/dev/null); then AST=$(realpath "$p"); AST_KIND=binary; return 0; fi
  if [ -f "$DEFAULT_TARBALL" ]; then AST=$(realpath "$DEFAULT_TARBALL"); AST_KIND=tarball; return 0; fi
  WHY="no Asterisk: ASTERISK is unset, asterisk is not on PATH, and $DEFAULT_TARBALL does not exist"
  return 1
}

modules_dir() { # the module folder of a tree or of a binary's installation
  local base
  case "$AST_KIND" in
    tree) echo "$AST/lib/asterisk/modules"; return ;;
    binary) base=$(dirname "$(dirname "$AST")")
      for d in "${ASTERISK_MODULES:-}" "$base/lib/asterisk/modules" "$base/lib64/asterisk/modules" \
               /usr/lib/asterisk/modules /usr/lib64/asterisk/modules /usr/lib/x86_64-linux-gnu/asterisk/modules; do
        [ -n "$d" ] && [ -f "$d/chan_pjsip.so" ] && { echo "$d"; return; }
      done ;;
  esac
}

data_dir() { # the data folder (documentation/, sounds/) of a tree or of a binary's installation
  local base d
  if [ "$AST_KIND" = tree ]; then echo "$AST/var/lib/asterisk"; return; fi
  base=$(dirname "$(dirname "$AST")")
  for d in "$base/var/lib/asterisk" "$base/share/asterisk" /usr/share/asterisk /var/lib/asterisk; do
    [ -d "$d/documentation" ] && { echo "$d"; return; }
  done
}

missing_packages() {
  command -v dpkg-query >/dev/null 2>&1 || return 0
  local p missing=""
  for p in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  echo "${missing# }"
}

# Prints the problems that keep the found Asterisk from running the lab, one a line (none: usable).
problems() {
  local missing m dir
  missing=$(missing_packages)
  [ -z "$missing" ] || echo "missing Debian packages: $missing"
  command -v python3 >/dev/null 2>&1 || echo "python3 is not on PATH (the lab writes its sounds and ports with it)"
  if [ "$AST_KIND" != tarball ]; then
    dir=$(modules_dir)
    if [ -z "$dir" ]; then echo "no module folder with chan_pjsip.so for $AST (set ASTERISK_MODULES)"
    else
      missing=""
      for m in $NEEDED_MODULES; do [ -f "$dir/$m.so" ] || missing="$missing $m"; done
      [ -z "$missing" ] || echo "$dir lacks modules:$missing"
    fi
  fi
}

# The launcher for one instance: the shared instance.sh when there is one, else the same steps done here.
instance() {
  local sh
  local sh=$REPO/../shared/asterisk/instance.sh
  if [ -x "$sh" ] && [ -z "${LAB_BUILTIN_INSTANCE:-}" ]; then "$sh" "$@"; else builtin_instance "$@"; fi
}

builtin_instance() { # same interface and files as shared/asterisk/instance.sh
  local TREE CONF LAB pid
  case "$1" in
  start)
    TREE=$(cd "$2" && pwd); CONF=$(cd "$3" && pwd); mkdir -p "$4"; LAB=$(cd "$4" && pwd)
    mkdir -p "$LAB/etc" "$LAB/run" "$LAB/log" "$LAB/spool" "$LAB/db" "$LAB/agi"
    cp "$CONF"/*.conf "$LAB/etc/"
    cat > "$LAB/etc/asterisk.conf" <<CONF
[directories]
astetcdir => $LAB/etc
astmoddir => $TREE/lib/asterisk/modules
astvarlibdir => $LAB/db
astdbdir => $LAB/db
astkeydir => $LAB/db
astdatadir => $TREE/var/lib/asterisk
astagidir => $LAB/agi
astspooldir => $LAB/spool
astrundir => $LAB/run
astlogdir => $LAB/log
astsbindir => $TREE/sbin
[options]
runuser =
rungroup =
CONF
    echo "$TREE" > "$LAB/run/tree"
    nohup "$TREE/sbin/asterisk" -C "$LAB/etc/asterisk.conf" -f -n -q > "$LAB/log/console.out" 2>&1 &
    pid=$!; echo $pid > "$LAB/run/instance.pid"
    for _ in $(seq 1 120); do
      if "$TREE/sbin/asterisk" -C "$LAB/etc/asterisk.conf" -rx 'core waitfullybooted' >/dev/null 2>&1; then echo $pid; return 0; fi
      kill -0 $pid 2>/dev/null || { echo "asterisk exited; see $LAB/log/console.out" >&2; return 1; }
      sleep 0.5
    done
    echo "asterisk did not boot in 60 s; see $LAB/log/console.out" >&2; return 1 ;;
  cli)
    LAB=$(cd "$2" && pwd); TREE=$(cat "$LAB/run/tree")
    "$TREE/sbin/asterisk" -C "$LAB/etc/asterisk.conf" -rx "$3" ;;
  stop)
    LAB=$(cd "$2" && pwd); pid=$(cat "$LAB/run/instance.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true ;;
  esac
}

# Sets TREE: an Asterisk tree inside WORK whose var/lib/asterisk/sounds the lab may write.
prepare_tree() {
  local key top
  case "$AST_KIND" in
  tarball)
    key=$(sha256sum "$AST" | cut -c1-16)
    if [ ! -d "$WORK/asterisk-$key" ]; then
      rm -rf "$WORK/asterisk-$key.part"; mkdir -p "$WORK/asterisk-$key.part"
      tar -C "$WORK/asterisk-$key.part" -xf "$AST"
      mv "$WORK/asterisk-$key.part" "$WORK/asterisk-$key"
    fi
    top=$(find "$WORK/asterisk-$key" -mindepth 2 -maxdepth 3 -path '*/sbin/asterisk' | head -n1)
    [ -n "$top" ] || die "$AST holds no sbin/asterisk"
    TREE=$(dirname "$(dirname "$top")") ;;
  tree|binary)  # a farm of links to it, with a sounds folder of our own
    TREE=$WORK/tree; rm -rf "$TREE"; mkdir -p "$TREE/sbin" "$TREE/var/lib/asterisk/sounds"
    local moddir data e
    moddir=$(modules_dir)
    if [ "$AST_KIND" = tree ]; then ln -s "$AST/sbin/asterisk" "$TREE/sbin/asterisk"
    else ln -s "$AST" "$TREE/sbin/asterisk"; fi
    if [ "$(basename "$(dirname "$(dirname "$moddir")")")" = lib ]; then  # PREFIX/lib/asterisk/modules
      ln -s "$(dirname "$(dirname "$moddir")")" "$TREE/lib"                # keeps $ORIGIN/../.. RUNPATHs right
    else mkdir -p "$TREE/lib/asterisk"; ln -s "$moddir" "$TREE/lib/asterisk/modules"; fi
    data=$(data_dir)
    [ -n "$data" ] || die "no Asterisk data folder (with documentation/) found for $AST"
    for e in "$data"/*; do
      [ "$(basename "$e")" = sounds ] || ln -s "$e" "$TREE/var/lib/asterisk/"
    done
    for e in "$data"/sounds/*; do
      [ -e "$e" ] && [ "$(basename "$e")" != lab ] && [ "$(basename "$e")" != dialer ] && ln -s "$e" "$TREE/var/lib/asterisk/sounds/"
    done
    true ;;
  esac
  [ -z "$(problems)" ] || die "$(problems)"
  local sounds=$TREE/var/lib/asterisk/sounds stamp
  stamp=$(sha256sum "$HERE/gen-sounds.py" | cut -c1-16)
  if [ "$(cat "$sounds/.lab-sounds" 2>/dev/null)" != "$stamp" ]; then
    python3 "$HERE/gen-sounds.py" "$sounds"; echo "$stamp" > "$sounds/.lab-sounds"
  fi
}

# Prints a free block base: BASE+0 pbx SIP/UDP, +1 carrier SIP/UDP, +2 AMI/TCP, +4..+129 pbx RTP,
# +130..+255 carrier RTP. The block is claimed in $CLAIMS/BASE (RTP ports are only bound during calls,
# so a bind test alone would not keep two labs apart); a claim whose owner process is gone is stale.
claim_ports() {
  python3 - "$CLAIMS" "$$" <<'PY'
import os, random, shutil, socket, sys
claims, owner = sys.argv[1], sys.argv[2]
os.makedirs(claims, exist_ok=True)
def free(port, kind):
    s = socket.socket(socket.AF_INET, kind)
    try:
        s.bind(("127.0.0.1", port)); return True
    except OSError:
        return False
    finally:
        s.close()
def alive(pid):
    try:
        os.kill(int(pid), 0); return True
    except (OSError, ValueError):
        return False
blocks = list(range(40, 128))  # 10240..32767, below the kernel's ephemeral range
random.shuffle(blocks)
for k in blocks:
    base = 256 * k
    claim = os.path.join(claims, str(base))
    try:
        os.mkdir(claim)
    except FileExistsError:
        try:
            pids = open(os.path.join(claim, "pid")).read().split()
        except OSError:
            pids = []
        if any(alive(p) for p in pids):
            continue
        try:
            shutil.rmtree(claim)
            os.mkdir(claim)
        except OSError:
            continue
    udp = [base, base + 1] + list(range(base + 4, base + 256))
    if all(free(p, socket.SOCK_DGRAM) for p in udp) and free(base + 2, socket.SOCK_STREAM):
        with open(os.path.join(claim, "pid"), "w") as f:
            f.write(owner + "\n")
        print(base)
        sys.exit(0)
    os.rmdir(claim)
sys.exit("no free block of 256 loopback ports in 10240-32767")
PY
}

release_ports() { [ -n "${1:-}" ] && rm -rf "${CLAIMS:?}/$1" || true; }

wait_ami() { # waits until the AMI port answers with its banner
  python3 - "$1" <<'PY'
import socket, sys, time
port = int(sys.argv[1]); deadline = time.time() + 20
while time.time() < deadline:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2) as s:
            if s.recv(100).startswith(b"Asterisk Call Manager/"):
                sys.exit(0)
    except OSError:
        pass
    time.sleep(0.2)
sys.exit("AMI on 127.0.0.1:%d did not answer in 20 s" % port)
PY
}

substitute() { # template → file, with the lab's values
  sed -e "s|@PBX_SIP_PORT@|$PBX_SIP_PORT|g" -e "s|@CARRIER_SIP_PORT@|$CARRIER_SIP_PORT|g" \
      -e "s|@AMI_PORT@|$AMI_PORT|g" -e "s|@AMI_SECRET@|$AMI_SECRET|g" \
      -e "s|@RTP_START@|$RTP_START|g" -e "s|@RTP_END@|$RTP_END|g" "$1" > "$2"
}

write_confs() {
  local side f name
  for side in pbx carrier; do
    rm -rf "$WORK/conf/$side"; mkdir -p "$WORK/conf/$side"
    if [ $side = pbx ]; then RTP_START=$((BASE + 4)); RTP_END=$((BASE + 129))
    else RTP_START=$((BASE + 130)); RTP_END=$((BASE + 255)); fi
    for f in "$HERE/$side"/*.conf; do substitute "$f" "$WORK/conf/$side/$(basename "$f")"; done
    cp "$HERE/lab-customers.conf" "$WORK/conf/$side/"
  done
  local members=""
  IFS=, read -ra names <<< "$AGENTS"
  for name in "${names[@]}"; do
    [ -z "$name" ] && continue
    [[ "$name" =~ ^[a-z][a-z]+$ ]] || die "agent name '$name': two or more lower-case letters, please"
    members+="member => Local/$name@lab-agents,0,$name"$'\n'
  done
  python3 - "$WORK/conf/pbx/queues.conf" "$members" <<'PY'
import sys
path, members = sys.argv[1], sys.argv[2]
text = open(path).read().replace("@MEMBERS@\n", members)
open(path, "w").write(text)
PY
}

print_env() {
  local k
  for k in AMI_HOST AMI_PORT AMI_USER AMI_SECRET PBX_DIR CARRIER_DIR PBX_SIP_PORT CARRIER_SIP_PORT \
           TRUNK_TEMPLATE LOCAL_TEMPLATE AGENTS ASTERISK_TREE PORT_BASE; do
    if [[ "${!k}" =~ ^[A-Za-z0-9_/.,:@+{}-]*$ ]]; then printf '%s=%s\n' "$k" "${!k}"; else printf '%s=%q\n' "$k" "${!k}"; fi
  done
}

running() { [ -f "$1/run/instance.pid" ] && kill -0 "$(cat "$1/run/instance.pid")" 2>/dev/null; }

cmd=${1:-}
case "$cmd" in
find)
  if ! find_asterisk; then echo "$WHY"; exit 1; fi
  p=$(problems)
  if [ -n "$p" ]; then echo "$AST: $p"; exit 1; fi
  echo "$AST" ;;
packages)
  echo "$PACKAGES" ;;
start)
  [ $# -eq 2 ] || die "usage: lab.sh start WORKDIR"
  mkdir -p "$2"; WORK=$(cd "$2" && pwd)
  if running "$WORK/pbx" || running "$WORK/carrier"; then die "a lab is already running in $WORK (lab.sh stop $WORK)"; fi
  t0=$(date +%s.%N)
  find_asterisk || die "$WHY"
  prepare_tree
  BASE=$(claim_ports)
  started=""
  cleanup() { # a start that fails leaves nothing running
    local s; for s in $started; do instance stop "$WORK/$s" >/dev/null 2>&1 || true; done
    release_ports "$BASE"
  }
  trap 'cleanup' EXIT
  PBX_SIP_PORT=$BASE; CARRIER_SIP_PORT=$((BASE + 1)); AMI_PORT=$((BASE + 2))
  AMI_SECRET=${AMI_SECRET:-$(python3 -c 'import secrets; print(secrets.token_hex(12))')}
  AGENTS=${AGENTS-$ALL_AGENTS}
  write_confs
  rm -rf "$WORK/pbx" "$WORK/carrier"
  instance start "$TREE" "$WORK/conf/carrier" "$WORK/carrier" >/dev/null; started="carrier"
  instance start "$TREE" "$WORK/conf/pbx" "$WORK/pbx" >/dev/null; started="carrier pbx"
  echo "$(cat "$WORK/pbx/run/instance.pid") $(cat "$WORK/carrier/run/instance.pid")" > "$CLAIMS/$BASE/pid"
  wait_ami "$AMI_PORT"
  reachable=""
  for _ in $(seq 1 50); do
    if instance cli "$WORK/pbx" 'pjsip show contacts' 2>/dev/null | grep -q 'trunk/sip:.*Avail'; then reachable=yes; break; fi
    sleep 0.2
  done
  [ -n "$reachable" ] || { echo "lab.sh: the pbx's trunk to the carrier never became reachable" >&2; false; }
  trap - EXIT
  AMI_HOST=127.0.0.1; AMI_USER=dialer; PBX_DIR=$WORK/pbx; CARRIER_DIR=$WORK/carrier
  TRUNK_TEMPLATE='PJSIP/{number}@trunk'; LOCAL_TEMPLATE='Local/{number}@customers'
  ASTERISK_TREE=$TREE; PORT_BASE=$BASE
  print_env > "$WORK/lab.env"
  echo "lab.sh: started in $(python3 -c "import sys; print('%.1f' % (float(sys.argv[2]) - float(sys.argv[1])))" "$t0" "$(date +%s.%N)") s" >&2
  cat "$WORK/lab.env" ;;
env)
  [ $# -eq 2 ] || die "usage: lab.sh env WORKDIR"
  cat "$2/lab.env" ;;
cli)
  [ $# -eq 4 ] || die "usage: lab.sh cli WORKDIR pbx|carrier 'COMMAND'"
  case "$3" in pbx|carrier) ;; *) die "the instance is pbx or carrier, not $3" ;; esac
  instance cli "$2/$3" "$4" ;;
restart)
  # A crash and a restart of one instance on the same ports and configs: its calls are cut off.
  [ $# -eq 3 ] || die "usage: lab.sh restart WORKDIR pbx|carrier"
  case "$3" in pbx|carrier) ;; *) die "the instance is pbx or carrier, not $3" ;; esac
  WORK=$(cd "$2" && pwd); TREE=$(cat "$WORK/$3/run/tree" 2>/dev/null || sed -n 's/^ASTERISK_TREE=//p' "$WORK/lab.env")
  pid=$(cat "$WORK/$3/run/instance.pid")
  kill -9 "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
  instance start "$TREE" "$WORK/conf/$3" "$WORK/$3" >/dev/null
  base=$(sed -n 's/^PORT_BASE=//p' "$WORK/lab.env")
  echo "$(cat "$WORK/pbx/run/instance.pid") $(cat "$WORK/carrier/run/instance.pid")" > "$CLAIMS/$base/pid"
  if [ "$3" = pbx ]; then wait_ami "$(sed -n 's/^AMI_PORT=//p' "$WORK/lab.env")"; fi ;;
stop)
  [ $# -eq 2 ] || die "usage: lab.sh stop WORKDIR"
  WORK=$(cd "$2" && pwd)
  for side in pbx carrier; do
    if [ -f "$WORK/$side/run/instance.pid" ]; then instance stop "$WORK/$side"; fi
  done
  base=$(sed -n 's/^PORT_BASE=//p' "$WORK/lab.env" 2>/dev/null || true)
  release_ports "$base" ;;
*)
  sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
