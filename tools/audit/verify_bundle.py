#!/usr/bin/env python3
"""An independent verifier of Casebook audit bundles, written from the README ("Audit bundle") alone: Python's
standard library for RFC 8785 canonical JSON and SHA-256, the openssl command for Ed25519. It shares no code with
Casebook, so a mistake in Casebook's own hashing would not be repeated here.

    python3 tools/audit/verify_bundle.py bundle.json public-key.pem

Prints OK or FAILED: <where>: <why>; exits 0 or 1 (2 for unusable input)."""
import base64
import decimal
import hashlib
import json
import math
import os
import subprocess
import sys
import tempfile

GENESIS = "0" * 64


def es_number(value):
    """ECMAScript Number::toString, which RFC 8785 prescribes for numbers."""
    if isinstance(value, bool):
        raise TypeError("not a number")
    if isinstance(value, int):
        value = float(value) if abs(value) >= 2**53 else value
        if isinstance(value, int):
            return str(value)
    if math.isnan(value) or math.isinf(value):
        raise ValueError("NaN and Infinity have no JSON form")
    if value == 0:
        return "0"
    sign = "-" if value < 0 else ""
    digits_tuple = decimal.Decimal(repr(abs(value))).normalize().as_tuple()
    digits = "".join(map(str, digits_tuple.digits))
    k = len(digits)
    n = digits_tuple.exponent + k
    if k <= n <= 21:
        text = digits + "0" * (n - k)
    elif 0 < n <= 21:
        text = digits[:n] + "." + digits[n:]
    elif -6 < n <= 0:
        text = "0." + "0" * (-n) + digits
    else:
        exponent = n - 1
        text = digits[0] + ("." + digits[1:] if k > 1 else "") + "e" + ("+" if exponent >= 0 else "-") + str(abs(exponent))
    return sign + text


def jcs(value):
    """RFC 8785: sorted keys (UTF-16 code units), no whitespace, ECMAScript numbers, minimal string escapes."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return es_number(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ",".join(jcs(item) for item in value) + "]"
    if isinstance(value, dict):
        keys = sorted(value.keys(), key=lambda key: key.encode("utf-16-be"))
        return "{" + ",".join(json.dumps(key, ensure_ascii=False) + ":" + jcs(value[key]) for key in keys) + "}"
    raise TypeError(f"not JSON: {type(value)}")


def h(value):
    return hashlib.sha256(jcs(value).encode("utf-8")).hexdigest()


class Failed(Exception):
    def __init__(self, where, why):
        super().__init__(f"{where}: {why}")


def check_events(events):
    heads = {}
    last_position = None
    for index, event in enumerate(events):
        where = f"event {index} (stream {event['streamId']}, revision {event['streamRevision']}, position {event['position']})"
        if last_position is not None and event["position"] <= last_position:
            raise Failed(where, "out of order")
        last_position = event["position"]
        previous = heads.get(event["streamId"])
        expected_revision = previous[0] + 1 if previous else 0
        if event["streamRevision"] != expected_revision:
            raise Failed(where, f"revision {expected_revision} of its stream was expected")
        metadata = {key: value for key, value in event["metadata"].items() if key != "recordedAt"}
        content_hash = h({"data": event["data"], "eventId": event["eventId"], "metadata": metadata,
                          "schemaVersion": event["schemaVersion"], "type": event["type"]})
        link = h({"contentHash": content_hash, "previousHash": previous[1] if previous else GENESIS,
                  "recordedAt": event["metadata"]["recordedAt"], "streamId": event["streamId"],
                  "streamRevision": event["streamRevision"]})
        if link != event["hash"]:
            raise Failed(where, "does not match its hash")
        if h({"eventHash": event["hash"], "globalPosition": event["position"],
              "previousGlobalHash": event["previousGlobalHash"]}) != event["globalHash"]:
            raise Failed(where, "does not match its global chain link")
        heads[event["streamId"]] = (event["streamRevision"], event["hash"])


def check_manifest(manifest, events):
    def expect(field, actual, wanted):
        if jcs(actual) != jcs(wanted):
            raise Failed(f"manifest.{field}", f"says {json.dumps(actual)}, the events give {json.dumps(wanted)}")

    if manifest.get("format") != "casebook-audit-bundle/1":
        raise Failed("manifest.format", "unknown format")
    expect("eventCount", manifest.get("eventCount"), len(events))
    expect("firstPosition", manifest.get("firstPosition"), events[0]["position"] if events else None)
    expect("lastPosition", manifest.get("lastPosition"), events[-1]["position"] if events else None)
    streams = {}
    for event in events:
        seen = streams.get(event["streamId"])
        streams[event["streamId"]] = {"streamId": event["streamId"], "eventCount": (seen["eventCount"] if seen else 0) + 1,
                                      "headRevision": event["streamRevision"], "headHash": event["hash"]}
    expect("streams", manifest.get("streams"), list(streams.values()))
    head = manifest.get("globalChainHead")
    if events and (not head or head["position"] < events[-1]["position"]):
        raise Failed("manifest.globalChainHead", "before the last event")
    expect("eventsHash", manifest.get("eventsHash"), h([event["hash"] for event in events]))
    expect("clearDataHash", manifest.get("clearDataHash"), h([event.get("clearData") for event in events]))


def spki_der(pem):
    body = "".join(line for line in pem.strip().splitlines() if not line.startswith("-----"))
    return base64.b64decode(body)


def check_signature(bundle, public_key_pem):
    manifest_text = jcs(bundle["manifest"])
    manifest_hash = hashlib.sha256(manifest_text.encode("utf-8")).hexdigest()
    if bundle.get("manifestHash") != manifest_hash:
        raise Failed("manifestHash", "the manifest does not hash to it")
    signature = bundle["signature"]
    if signature.get("algorithm") != "Ed25519":
        raise Failed("signature.algorithm", "not Ed25519")
    key_id = hashlib.sha256(spki_der(public_key_pem)).hexdigest()[:16]
    if signature.get("keyId") != key_id:
        raise Failed("signature.keyId", f"signed by {signature.get('keyId')}, the given key is {key_id}")
    with tempfile.TemporaryDirectory() as work:
        paths = {name: os.path.join(work, name) for name in ("key.pem", "manifest", "signature")}
        with open(paths["key.pem"], "w") as file:
            file.write(public_key_pem)
        with open(paths["manifest"], "wb") as file:
            file.write(manifest_text.encode("utf-8"))
        with open(paths["signature"], "wb") as file:
            file.write(base64.b64decode(signature["value"]))
        result = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", paths["key.pem"], "-rawin",
                                 "-in", paths["manifest"], "-sigfile", paths["signature"]], capture_output=True)
        if result.returncode != 0:
            raise Failed("signature", "does not verify over the manifest")
    return manifest_hash, key_id


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[-3].strip(), file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as file:
            bundle = json.load(file)
        with open(argv[2], encoding="utf-8") as file:
            public_key_pem = file.read()
    except (OSError, ValueError) as error:
        print(f"cannot read input: {error}", file=sys.stderr)
        return 2
    try:
        check_events(bundle["events"])
        check_manifest(bundle["manifest"], bundle["events"])
        manifest_hash, key_id = check_signature(bundle, public_key_pem)
    except Failed as failure:
        print(f"FAILED: {failure}")
        return 1
    except (KeyError, TypeError) as error:
        print(f"FAILED: bundle: malformed ({error})")
        return 1
    print(f"OK: {len(bundle['events'])} events; manifest {manifest_hash}; signed with key {key_id}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
