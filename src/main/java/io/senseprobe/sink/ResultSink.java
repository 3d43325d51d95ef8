package io.senseprobe.sink;

import io.senseprobe.result.CheckResult;

/** One destination for result records; the sinks route calls each in turn. */
public interface ResultSink {
    void write(CheckResult result);
}
