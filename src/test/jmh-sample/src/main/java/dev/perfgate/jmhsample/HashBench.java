package dev.perfgate.jmhsample;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/** Throughput of hashing a 64-byte array: a sample for perfgate's JMH importer (thrpt, no params). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HashBench {

    private final byte[] data = new byte[64];

    @Benchmark
    public int hash() {
        return java.util.Arrays.hashCode(data);
    }
}
