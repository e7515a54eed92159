package org.chipplace.api.service.jobs;

import java.io.IOException;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.chipplace.api.service.ChipplaceProperties;
import org.chipplace.api.service.Dtos.JobView;
import org.chipplace.api.service.store.JobRepository;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent progress events of a job. Each stream polls the job row (so it works whichever
 * instance runs the job) every {@code chipplace.sse.poll-interval} and sends a {@code progress}
 * event (the job as JSON) when status, stage, percent or HPWL changed; when the job is final it
 * sends one last event named after the status ({@code done}, {@code failed}, {@code cancelled})
 * and completes the stream.
 */
@Service
public class JobEvents implements DisposableBean {
    private final JobRepository jobs;
    private final JobService jobService;
    private final ChipplaceProperties props;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "chipplace-sse");
        t.setDaemon(true);
        return t;
    });

    public JobEvents(JobRepository jobs, JobService jobService, ChipplaceProperties props) {
        this.jobs = jobs;
        this.jobService = jobService;
        this.props = props;
    }

    /** Opens a stream for job {@code id} (404 when unknown). */
    public SseEmitter stream(UUID id) {
        jobService.find(id);
        SseEmitter emitter = new SseEmitter(props.getSse().getTimeout().toMillis());
        AtomicReference<String> last = new AtomicReference<>();
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        Runnable poll = () -> {
            try {
                var job = jobs.findById(id).orElse(null);
                if (job == null) {
                    emitter.complete();
                    cancel(task);
                    return;
                }
                JobView v = jobService.view(job);
                String key = v.status() + "|" + v.stage() + "|" + Math.round(v.percent() * 10) + "|" + v.hpwl();
                boolean isFinal = job.getStatus().isFinal();
                if (isFinal) {
                    emitter.send(SseEmitter.event().name(v.status().toLowerCase()).id(key).data(v));
                    emitter.complete();
                    cancel(task);
                } else if (!Objects.equals(key, last.getAndSet(key))) {
                    emitter.send(SseEmitter.event().name("progress").id(key).data(v));
                }
            } catch (IOException | IllegalStateException e) {
                cancel(task);
            } catch (RuntimeException e) {
                emitter.completeWithError(e);
                cancel(task);
            }
        };
        long every = Math.max(50, props.getSse().getPollInterval().toMillis());
        task.set(timer.scheduleWithFixedDelay(poll, 0, every, TimeUnit.MILLISECONDS));
        emitter.onCompletion(() -> cancel(task));
        emitter.onTimeout(() -> cancel(task));
        emitter.onError(e -> cancel(task));
        return emitter;
    }

    private static void cancel(AtomicReference<ScheduledFuture<?>> task) {
        ScheduledFuture<?> f = task.get();
        if (f != null) {
            f.cancel(false);
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
