#!/usr/bin/env bash
# Starts one Apache Kafka 4 node (KRaft: broker + controller in one process) on 127.0.0.1:9092 from the jars
# that infra/kafka/pom.xml fetches from Maven Central. No Docker needed; Java 17 is enough.
#   KAFKA_PORT       (default 9092)   client listener
#   KAFKA_DATA_DIR   (default: a new temporary folder) log.dirs and the pid file
#   KAFKA_LOG_FILE   (default: $KAFKA_DATA_DIR/server.log)
# Prints the data dir on success; stop.sh reads the pid file from it (or from infra/kafka/.run/dir).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
port="${KAFKA_PORT:-9092}"
controller_port="${KAFKA_CONTROLLER_PORT:-9093}"
lib="$here/target/lib"

if [ ! -f "$lib/kafka_2.13-$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$here/pom.xml").jar" ]; then
  echo "kafka: fetching jars from Maven Central (mvn package) ..." >&2
  mvn -B -q -f "$here/pom.xml" package >&2
fi

data="${KAFKA_DATA_DIR:-$(mktemp -d /tmp/casebook-kafka.XXXXXX)}"
mkdir -p "$data/logs" "$here/.run"
logfile="${KAFKA_LOG_FILE:-$data/server.log}"
echo "$data" > "$here/.run/dir"

cat > "$data/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${controller_port}
listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controller_port}
advertised.listeners=PLAINTEXT://127.0.0.1:${port}
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=${data}/logs
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS

java_opts=(-Xms256m -Xmx768m -Dlog4j2.configurationFile="$here/log4j2.yaml" -Dkafka.logfile="$logfile")
# A data dir that was formatted before (a restart with KAFKA_DATA_DIR and KAFKA_KEEP_DATA=1) keeps its log.
if [ ! -f "$data/logs/meta.properties" ]; then
  cluster_id="$(java -cp "$lib/*" "${java_opts[@]}" kafka.tools.StorageTool random-uuid 2>>"$logfile" | tail -n 1)"
  java -cp "$lib/*" "${java_opts[@]}" kafka.tools.StorageTool format -t "$cluster_id" \
    -c "$data/server.properties" >>"$logfile" 2>&1
fi

log_start=$(wc -l < "$logfile" 2>/dev/null || echo 0)
nohup java -cp "$lib/*" "${java_opts[@]}" kafka.Kafka "$data/server.properties" >>"$logfile" 2>&1 &
echo $! > "$data/kafka.pid"

# Ready when the client port accepts connections and the broker logged that it started (since this start).
for _ in $(seq 1 120); do
  if ! kill -0 "$(cat "$data/kafka.pid")" 2>/dev/null; then
    echo "kafka: process exited; last lines of $logfile:" >&2; tail -n 30 "$logfile" >&2; exit 1
  fi
  if tail -n "+$((log_start + 1))" "$logfile" 2>/dev/null | grep -q "Kafka Server started" && (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "kafka: ready on 127.0.0.1:$port (data $data, log $logfile)" >&2
    echo "$data"
    exit 0
  fi
  sleep 0.5
done
echo "kafka: not ready after 60 s; last lines of $logfile:" >&2; tail -n 30 "$logfile" >&2
exit 1
