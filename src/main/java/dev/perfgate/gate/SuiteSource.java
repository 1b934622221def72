package dev.perfgate.gate;

import dev.perfgate.suite.SuiteReader;

import java.nio.file.Files;
import java.nio.file.Path;

/** A {@code SuiteSource} is where a side's suite comes from: the bundled demo suite, a folder, or a git revision. */
public sealed interface SuiteSource {

    /** For people, e.g. {@code folder perf} or {@code perf at git main}. */
    String describe();

    /** A suite bundled in perfgate's jar, by name. */
    record Bundled(String name) implements SuiteSource {
        @Override
        public String describe() {
            return "bundled suite " + name;
        }
    }

    /** A suite folder as it is on disk (the work tree, or another folder). */
    record Folder(Path path) implements SuiteSource {
        @Override
        public String describe() {
            return "folder " + path;
        }
    }

    /**
     * The suite folder {@code folder} as it was at git revision {@code ref} of the repository holding it.
     *
     * @param folder the candidate's suite folder, whose repository has the revision; null for the bundled suite,
     *               which has no revisions (refused when the suite is read)
     */
    record Revision(String ref, Path folder) implements SuiteSource {
        @Override
        public String describe() {
            return (folder == null ? "the bundled suite" : folder.toString()) + " at git " + ref;
        }
    }

    /** The bundled demo suite when {@code folder} is null, else that folder. */
    static SuiteSource of(Path folder) {
        return folder == null ? new Bundled(SuiteReader.DEMO_SUITE) : new Folder(folder);
    }

    /**
     * What {@code --against REF|DIR} names, next to a candidate read from {@code candidate}: an existing folder wins
     * over a revision of the same name.
     */
    static SuiteSource against(String refOrDir, SuiteSource candidate) {
        if (Files.isDirectory(Path.of(refOrDir))) return new Folder(Path.of(refOrDir));
        return new Revision(refOrDir, candidate instanceof Folder f ? f.path() : null);
    }
}
