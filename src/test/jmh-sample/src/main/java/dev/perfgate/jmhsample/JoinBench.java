package dev.perfgate.jmhsample;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/** Average time to join {@code size} short strings: a sample for perfgate's JMH importer (avgt, one @Param). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JoinBench {

    @Param({"10", "100"})
    public int size;

    private String[] parts;

    @Setup
    public void setUp() {
        parts = new String[size];
        for (int i = 0; i < size; i++) parts[i] = Integer.toString(i);
    }

    @Benchmark
    public String join() {
        return String.join(",", parts);
    }
}
