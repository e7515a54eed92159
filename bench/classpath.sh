#!/usr/bin/env bash
# Sourced by the bench scripts: bench_classpath MODULE compiles MODULE with its tests and the modules
# it depends on, then prints a class path with its test classes, every module's classes and its
# test-scope dependencies. Run from the repository root.
bench_classpath() {
    local module="$1" cpfile cp m
    mvn -B -q -pl "$module" -am test-compile >&2
    cpfile="$(mktemp)"
    mvn -B -q -pl "$module" dependency:build-classpath -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=test >&2
    cp="$module/target/test-classes"
    for m in "$module" policy-transformer offline-data gnn-encoder legalizer netlist-io; do
        [ -d "$m/target/classes" ] && cp="$cp:$m/target/classes"
    done
    echo "$cp:$(cat "$cpfile")"
    rm -f "$cpfile"
}
