#!/usr/bin/env python3
"""Uploads one ministry's inventory to a running portal again and again, from several clients.

    portal_load.py URL TOKEN AGENCY FOLDER [--alternate FOLDER2] [--uploads 200] [--clients 8]

Each upload is POST URL/api/agencies/AGENCY/submissions with the folder's CSV files as `file`
parts and the bearer TOKEN (with --alternate, every other upload sends FOLDER2's instead, so that
each upload changes the agency's part); a client sends its next upload when the last one is answered. Prints
how many were answered and how, the median, 90th and 99th percentile response times, and the
throughput; then checks through GET .../submissions that the store recorded every upload that was
answered 201, and exits 1 if one is missing or an answer was not 201. Standard library only.
"""
import argparse
import http.client
import json
import os
import statistics
import sys
import threading
import time
import urllib.parse
import uuid


def multipart(files, message):
    boundary = uuid.uuid4().hex
    parts = []
    for name, content in files:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            f"Content-Type: text/csv\r\n\r\n".encode() + content + b"\r\n")
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="message"\r\n\r\n'
                 f"{message}\r\n".encode())
    parts.append(f"--{boundary}--\r\n".encode())
    return boundary, b"".join(parts)


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("token")
    parser.add_argument("agency")
    parser.add_argument("folder")
    parser.add_argument("--alternate")
    parser.add_argument("--uploads", type=int, default=200)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    target = urllib.parse.urlsplit(args.url)
    def csv_files(folder):
        found = []
        for name in sorted(os.listdir(folder)):
            if name.endswith(".csv"):
                with open(os.path.join(folder, name), "rb") as f:
                    found.append((name, f.read()))
        return found

    files = csv_files(args.folder)
    alternate = csv_files(args.alternate) if args.alternate else files
    path = f"/api/agencies/{urllib.parse.quote(args.agency)}/submissions"
    headers = {"Authorization": f"Bearer {args.token}"}
    lock = threading.Lock()
    next_upload = [0]
    times, statuses, numbers = [], {}, []

    def client():
        connection = http.client.HTTPConnection(target.hostname, target.port, timeout=600)
        while True:
            with lock:
                if next_upload[0] >= args.uploads:
                    break
                next_upload[0] += 1
                k = next_upload[0]
            boundary, body = multipart(alternate if k % 2 == 0 else files, f"load {k}")
            started = time.perf_counter()
            connection.request("POST", path, body, {
                **headers, "Content-Type": f"multipart/form-data; boundary={boundary}"})
            response = connection.getresponse()
            answer = response.read()
            elapsed = time.perf_counter() - started
            with lock:
                times.append(elapsed)
                statuses[response.status] = statuses.get(response.status, 0) + 1
                if response.status == 201:
                    numbers.append(json.loads(answer)["submission"])
        connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started

    connection = http.client.HTTPConnection(target.hostname, target.port, timeout=600)
    connection.request("GET", path, headers=headers)
    history = json.loads(connection.getresponse().read())["submissions"]
    recorded = {s["submission"] for s in history}
    missing = [n for n in numbers if n not in recorded]
    systems = sum(content.count(b"\n") - 1 for name, content in files if "systems" in name)
    print(f"uploads: {len(times)} of {args.uploads} answered by {args.clients} clients "
          f"({len(files)} files, {sum(len(c) for _, c in files) // 1024} KiB, ~{systems} systems "
          f"each); answers: {dict(sorted(statuses.items()))}")
    print(f"response time: median {statistics.median(times) * 1000:.0f} ms, "
          f"p90 {percentile(times, 90) * 1000:.0f} ms, p99 {percentile(times, 99) * 1000:.0f} ms, "
          f"max {max(times) * 1000:.0f} ms; {len(times) / wall:.1f} uploads/s over {wall:.1f} s")
    print(f"recorded: {len(numbers) - len(missing)} of {len(numbers)} accepted uploads are in the "
          f"history ({len(set(numbers))} distinct numbers)")
    ok = not missing and statuses == {201: args.uploads} and len(set(numbers)) == len(numbers)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
