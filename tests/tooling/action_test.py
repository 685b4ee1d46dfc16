#!/usr/bin/env python3
"""action_test.py SOURCE_DIR BIN_DIR DATA_DIR WORK

The composite action in action.yml, as far as it runs without GitHub: its
inputs are declared, and its check step, run by bash with the environment the
runner gives it, writes the report and the exit code it promises."""
import json
import os
import shutil
import subprocess
import sys

import yaml  # python3-yaml, which pre-commit needs too

source, bin_dir, data, work = sys.argv[1:5]
with open(os.path.join(source, "action.yml")) as f:
    action = yaml.safe_load(f)

failures = []
assert action["runs"]["using"] == "composite", action["runs"]
inputs = action["inputs"]
for name in ("deb", "paths", "format", "strict", "config", "sarif-file", "upload-sarif"):
    if name not in inputs:
        failures.append(f"input {name} not declared")
steps = {step.get("id", step["name"]): step for step in action["runs"]["steps"]}
check = steps["check"]
for step in steps.values():
    for variable, expression in step.get("env", {}).items():
        name = expression.removeprefix("${{ inputs.").removesuffix(" }}")
        if name not in inputs:
            failures.append(f"{variable} reads undeclared input {name}")


def run_check(case, **given):
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    output = os.path.join(work, "github_output")
    open(output, "w").close()
    env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ["PATH"], GITHUB_OUTPUT=output)
    for variable, expression in check["env"].items():
        name = expression.removeprefix("${{ inputs.").removesuffix(" }}")
        env[variable] = given.get(name, inputs[name].get("default", ""))
    result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", check["run"]], cwd=work, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        failures.append(f"{case}: the step itself failed ({result.returncode}): {result.stderr}")
    with open(output) as f:
        lines = f.read().splitlines()
    return lines, result.stdout


lines, out = run_check("annotations", paths=f"{data}/wrong-pass.xml {data}/warnings-only.xml")
if lines != ["exit-code=1"]:
    failures.append(f"annotations: outputs {lines}")
if "::error file=" not in out or "::warning file=" not in out:
    failures.append(f"annotations: {out}")

lines, _ = run_check("warnings pass", paths=f"{data}/warnings-only.xml")
if lines != ["exit-code=0"]:
    failures.append(f"warnings pass: outputs {lines}")
lines, _ = run_check("strict", paths=f"{data}/warnings-only.xml", strict="true")
if lines != ["exit-code=1"]:
    failures.append(f"strict: outputs {lines}")

lines, _ = run_check("sarif", paths=f"{data}/wrong-pass.xml", format="sarif")
if lines != ["exit-code=1"]:
    failures.append(f"sarif: outputs {lines}")
with open(os.path.join(work, "unattend.sarif")) as f:
    sarif = json.load(f)
if sarif["runs"][0]["results"][0]["ruleId"] != "UA3003":
    failures.append(f"sarif: {sarif['runs'][0]['results']}")

lines, _ = run_check("missing file", paths=f"{data}/no-such.xml")
if lines != ["exit-code=2"]:
    failures.append(f"missing file: outputs {lines}")

shutil.rmtree(work, ignore_errors=True)
if failures:
    print("\n".join(failures))
    sys.exit(1)
print("action.yml: inputs declared, check step reports and exits as documented")
