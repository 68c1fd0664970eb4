# Small process helpers shared by up.sh and down.sh. Each service runs in its own process group
# (setsid) with its pid in .data/run/NAME.pid and its output in .data/logs/NAME.log.
RUN_DIR=.data/run
LOG_DIR=.data/logs

is_running() { # NAME
  local pidfile="$RUN_DIR/$1.pid"
  [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

start_service() { # NAME COMMAND...
  local name=$1; shift
  mkdir -p "$RUN_DIR" "$LOG_DIR"
  if is_running "$name"; then
    printf '[up] %-14s already running (pid %s)\n' "$name" "$(cat "$RUN_DIR/$name.pid")"
    return 0
  fi
  setsid "$@" >>"$LOG_DIR/$name.log" 2>&1 < /dev/null &
  echo $! > "$RUN_DIR/$name.pid"
  printf '[up] %-14s started (log: %s)\n' "$name" "$LOG_DIR/$name.log"
}

stop_service() { # NAME
  local pidfile="$RUN_DIR/$1.pid"
  [ -f "$pidfile" ] || return 0
  local pid; pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$pid" 2>/dev/null || true
    printf '[down] %-14s stopped\n' "$1"
  fi
  rm -f "$pidfile"
}

wait_for_port() { # NAME PORT SECONDS
  local name=$1 port=$2 seconds=$3
  for _ in $(seq 1 $((seconds * 5))); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    if ! is_running "$name"; then
      echo "[up] $name stopped during start-up; last lines of $LOG_DIR/$name.log:" >&2
      tail -n 20 "$LOG_DIR/$name.log" >&2
      return 1
    fi
    sleep 0.2
  done
  echo "[up] $name did not open port $port within ${seconds}s; see $LOG_DIR/$name.log" >&2
  return 1
}
