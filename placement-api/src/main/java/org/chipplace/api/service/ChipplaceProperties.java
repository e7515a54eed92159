package org.chipplace.api.service;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the placement service under the prefix {@code chipplace} (the queue itself is set
 * with {@code jobrunr.*}, see application.properties).
 */
@ConfigurationProperties("chipplace")
public class ChipplaceProperties {
    /** When set, POST and DELETE requests must carry this value in header {@code X-API-Key}. */
    private String apiKey;
    /** Folder of the public benchmarks; empty = {@code Benchmarks.dir()} ({@code CHIPPLACE_BENCHMARKS}). */
    private String benchmarksDir;
    /**
     * Folder of further decision-transformer checkpoints: each sub-folder as {@code train --out DIR}
     * writes it is a model named after the folder, listed by {@code GET /api/models} and given to a
     * {@code dt} job as {@code options.checkpoint}; empty = the shipped model only.
     */
    private String modelsDir;
    private final Upload upload = new Upload();
    private final Jobs jobs = new Jobs();
    private final Sse sse = new Sse();
    private final Sweeps sweeps = new Sweeps();
    private final Render render = new Render();

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getBenchmarksDir() {
        return benchmarksDir;
    }

    public void setBenchmarksDir(String benchmarksDir) {
        this.benchmarksDir = benchmarksDir;
    }

    public String getModelsDir() {
        return modelsDir;
    }

    public void setModelsDir(String modelsDir) {
        this.modelsDir = modelsDir;
    }

    public Upload getUpload() {
        return upload;
    }

    public Jobs getJobs() {
        return jobs;
    }

    public Sse getSse() {
        return sse;
    }

    public Sweeps getSweeps() {
        return sweeps;
    }

    public Render getRender() {
        return render;
    }

    /** Limits of a design upload. */
    public static class Upload {
        /** Largest upload (sum of the parts as sent), bytes; larger ones get 413. */
        private long maxBytes = 256L << 20;
        /** Most files in one upload or archive. */
        private int maxEntries = 64;
        /** Largest total size after decompression, bytes (decompression-bomb guard). */
        private long maxUncompressedBytes = 1L << 30;

        public long getMaxBytes() {
            return maxBytes;
        }

        public void setMaxBytes(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        public int getMaxEntries() {
            return maxEntries;
        }

        public void setMaxEntries(int maxEntries) {
            this.maxEntries = maxEntries;
        }

        public long getMaxUncompressedBytes() {
            return maxUncompressedBytes;
        }

        public void setMaxUncompressedBytes(long maxUncompressedBytes) {
            this.maxUncompressedBytes = maxUncompressedBytes;
        }
    }

    /** Execution of placement jobs. */
    public static class Jobs {
        /** Wall-clock limit of one run of a job; a job over it fails at its next progress report. */
        private Duration timeLimit = Duration.ofHours(2);
        /** Runs of one job (restarts after crashes included) before it is marked FAILED. */
        private int maxAttempts = 3;
        /** Least time between two progress writes (and cancellation checks) of a running job. */
        private Duration progressInterval = Duration.ofMillis(250);
        /** Name of this worker in job records; empty = host name and process id. */
        private String workerName;

        public Duration getTimeLimit() {
            return timeLimit;
        }

        public void setTimeLimit(Duration timeLimit) {
            this.timeLimit = timeLimit;
        }

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getProgressInterval() {
            return progressInterval;
        }

        public void setProgressInterval(Duration progressInterval) {
            this.progressInterval = progressInterval;
        }

        public String getWorkerName() {
            return workerName == null || workerName.isBlank()
                    ? ManagementFactory.getRuntimeMXBean().getName() : workerName;
        }

        public void setWorkerName(String workerName) {
            this.workerName = workerName;
        }
    }

    /** Server-sent progress events. */
    public static class Sse {
        /** How often an open event stream polls the job row. */
        private Duration pollInterval = Duration.ofMillis(500);
        /** Longest life of one event stream. */
        private Duration timeout = Duration.ofMinutes(30);

        public Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }

    /** Batch sweeps. */
    public static class Sweeps {
        /** Most jobs (designs x configs x seeds) in one sweep. */
        private int maxJobs = 500;

        public int getMaxJobs() {
            return maxJobs;
        }

        public void setMaxJobs(int maxJobs) {
            this.maxJobs = maxJobs;
        }
    }

    /** Result pictures. */
    public static class Render {
        /** Above this many standard cells the layout SVG draws a density raster instead of the cells. */
        private int maxCellsDrawn = 3000;
        /** Width of the layout SVG and of the congestion PNG, pixels. */
        private int imageWidth = 800;

        public int getMaxCellsDrawn() {
            return maxCellsDrawn;
        }

        public void setMaxCellsDrawn(int maxCellsDrawn) {
            this.maxCellsDrawn = maxCellsDrawn;
        }

        public int getImageWidth() {
            return imageWidth;
        }

        public void setImageWidth(int imageWidth) {
            this.imageWidth = imageWidth;
        }
    }
}
