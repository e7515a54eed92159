package org.chipplace.api.service.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.UUID;
import org.chipplace.api.service.store.JobRepository;
import org.junit.jupiter.api.Test;

class JobProgressTest {
    final UUID id = UUID.randomUUID();
    final JobRepository repo = mock(JobRepository.class);

    @Test
    void percentMovesInsideEachStageSliceAndNeverBackwards() {
        assertThat(JobProgress.percentOf("load", 0)).isEqualTo(0);
        assertThat(JobProgress.percentOf("global", 0.5)).isEqualTo(52.5);
        assertThat(JobProgress.percentOf("global", Double.NaN)).isEqualTo(30);
        assertThat(JobProgress.percentOf("detailed", 1)).isEqualTo(99);
        assertThat(JobProgress.percentOf("unknown", 0.5)).isEqualTo(0);
        double prev = -1;
        for (String s : JobProgress.STAGES) {
            double p = JobProgress.percentOf(s, 0);
            assertThat(p).isGreaterThan(prev);
            prev = p;
        }
    }

    @Test
    void writesAtStageChangesAndThrottlesWithinAStage() {
        JobProgress p = new JobProgress(id, repo, Long.MAX_VALUE / 4, 60_000_000_000L, null);
        p.report("global", 0, 0.1, 100, 0.9);
        p.report("global", 1, 0.2, 90, 0.8);
        p.report("global", 2, 0.3, Double.NaN, Double.NaN);
        p.report("legalize", 0, 0, Double.NaN, Double.NaN);
        verify(repo, times(2)).progress(eq(id), anyString(), anyDouble(), any(), any(), any());
        verify(repo).progress(eq(id), eq("legalize"), eq(88.0), eq(90.0), eq(0.8), any());
    }

    @Test
    void cancellationStopsTheRunAtTheNextWrite() {
        when(repo.isCancelRequested(id)).thenReturn(true);
        JobProgress p = new JobProgress(id, repo, Long.MAX_VALUE / 4, 0, null);
        assertThatThrownBy(() -> p.report("global", 3, 0.5, 1, 1)).isInstanceOf(JobStopped.class)
                .satisfies(e -> assertThat(((JobStopped) e).reason()).isEqualTo(JobStopped.Reason.CANCELLED));
    }

    @Test
    void timeLimitAndInterruptStopTheRun() throws InterruptedException {
        JobProgress late = new JobProgress(id, repo, 1, 0, null);
        Thread.sleep(2);
        assertThatThrownBy(() -> late.report("global", 0, 0, 1, 1))
                .satisfies(e -> assertThat(((JobStopped) e).reason()).isEqualTo(JobStopped.Reason.TIME_LIMIT));
        JobProgress p = new JobProgress(id, repo, Long.MAX_VALUE / 4, 0, null);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> p.report("global", 0, 0, 1, 1))
                    .satisfies(e -> assertThat(((JobStopped) e).reason()).isEqualTo(JobStopped.Reason.INTERRUPTED));
        } finally {
            Thread.interrupted();
        }
        verify(repo, never()).progress(any(), any(), anyDouble(), any(), any(), any());
    }

    @Test
    void hookSeesEveryReport() {
        int[] calls = new int[1];
        JobProgress p = new JobProgress(id, repo, Long.MAX_VALUE / 4, 60_000_000_000L, (j, s, i) -> calls[0]++);
        for (int i = 0; i < 5; i++) {
            p.report("global", i, 0.1 * i, 1, 1);
        }
        assertThat(calls[0]).isEqualTo(5);
    }
}
