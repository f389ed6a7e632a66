#!/usr/bin/env python3
"""npm run eval: scores factlens on the quote-attribution dev set in ../shared/eval.

Runs `factlens analyze --jsonl` on quotes-dev.jsonl, prints the scorer's figures beside the
other systems' (from ../shared/eval/README.md), and a table of where the gold quotes went:
missed, no speaker, wrong speaker, wrong resolution, or right. Usage:
    python3 scripts/eval.py [path/to/factlens] [GOLD.jsonl]
"""
import json
import os
import re
import subprocess
import sys
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVAL = os.environ.get("FACTLENS_EVAL", os.path.join(ROOT, "..", "shared", "eval"))
PRONOUNS = set("he she they i we it him her".split())


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target", "release", "factlens")
    gold_path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(EVAL, "quotes-dev.jsonl")
    if not os.path.exists(gold_path):
        print(f"eval: {gold_path} is absent (../shared is not beside this checkout); nothing to score")
        return 0
    sys.path.insert(0, os.path.dirname(gold_path))
    import score  # the scorer that ships with the gold set

    out_dir = os.path.join(ROOT, "target", "eval")
    os.makedirs(out_dir, exist_ok=True)
    pred_path = os.path.join(out_dir, "pred.jsonl")
    with open(pred_path, "w", encoding="utf-8") as out:
        subprocess.run([binary, "analyze", "--jsonl", gold_path], stdout=out, check=True)
    result = score.score(gold_path, pred_path)
    print(json.dumps(result))
    print()
    print("| system | quote overlap F1 | e2e mention F1 | e2e name F1 |")
    print("|---|---|---|---|")
    print(f"| factlens | {result['overlap_PRF'][2]:.3f} | {result['e2e_mention_PRF'][2]:.3f} "
          f"| {result['e2e_name_PRF'][2]:.3f} |")
    readme = os.path.join(os.path.dirname(gold_path), "README.md")
    if os.path.exists(readme):
        for line in open(readme, encoding="utf-8"):
            if line.startswith("| ") and not line.startswith("| system") and re.search(r"\d\.\d", line):
                print(line.rstrip())
    print()
    print("Where the gold quotes went (>= 3 words):")
    for label, n in sorted(error_table(score, gold_path, pred_path).items()):
        print(f"{n:5d}  {label}")
    return 0


def error_table(score, gold_path, pred_path):
    gold = [json.loads(line) for line in open(gold_path, encoding="utf-8")]
    pred = {}
    for line in open(pred_path, encoding="utf-8"):
        d = json.loads(line)
        pred[d["doc"]] = d["quotes"]
    table = Counter()
    for doc in gold:
        text = doc["text"]
        for q in doc["quotes"]:
            s, e = score.norm(text, q["start"], q["end"])
            if len(re.findall(r"\w+", text[s:e])) < score.MINW:
                continue
            match = None
            for p in pred.get(doc["doc"], []):
                a, b = score.norm(text, p["start"], p["end"])
                inter = max(0, min(b, e) - max(a, s))
                if inter and inter / (e - s) >= 0.5 and inter / (b - a) >= 0.5:
                    match = p
                    break
            gold_names = score.names(q["speaker"]) | score.names(q.get("speaker_resolved_silver"))
            if match is None:
                table["A  quote missed"] += 1
                continue
            span, gspan = match["speaker_span"], q["speaker_span"]
            mention_ok = bool(span and gspan and span[0] < gspan[1] and gspan[0] < span[1])
            names = score.names(match["speaker_resolved"] or match["speaker"])
            if names and gold_names and names & gold_names:
                table["E  right name"] += 1
            elif not gold_names:
                table["F  gold source has no name (anonymous, or unscorable)"] += 1
            elif not match["speaker"]:
                table["B  no speaker found"] += 1
            elif not mention_ok:
                table["C  wrong speaker mention"] += 1
            elif (match["speaker"] or "").lower() in PRONOUNS:
                table["D1 right mention, pronoun resolved to someone else"] += 1
            elif not match["speaker_resolved"]:
                table["D2 right mention, role noun left unresolved"] += 1
            else:
                table["D3 right mention, name differs from gold"] += 1
    return table


if __name__ == "__main__":
    sys.exit(main())
