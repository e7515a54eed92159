import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load client of bench/load.sh (single-file program: {@code java bench/LoadClient.java ...}). Against a
 * running instance: {@code pollers} threads poll {@code GET /api/jobs/{id}} of random submitted jobs,
 * back to back or with {@code pollMs} between polls, {@code submitters} threads submit a job on the given design every 200 ms; after a
 * warm-up of {@code warmup} seconds, {@code seconds} seconds are measured. Prints one markdown row:
 * requests, throughput, latency percentiles (ms) of polls and submits, and errors (non-2xx or I/O).
 * Args: baseUrl designId pollers submitters seconds warmup seed [pollMs]
 */
public final class LoadClient {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    public static void main(String[] a) throws Exception {
        String base = a[0];
        String design = a[1];
        int pollers = Integer.parseInt(a[2]);
        int submitters = Integer.parseInt(a[3]);
        int seconds = Integer.parseInt(a[4]);
        int warmup = Integer.parseInt(a[5]);
        long seed = Long.parseLong(a[6]);
        long pollMs = a.length > 7 ? Long.parseLong(a[7]) : 0;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            jobs.add(submit(http, base, design, i));
        }
        String[] ids = jobs.toArray(String[]::new);
        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        AtomicLong seedCounter = new AtomicLong(1000);
        long[][] pollLat = new long[pollers][];
        long[][] subLat = new long[submitters][];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < pollers; t++) {
            int me = t;
            threads.add(new Thread(() -> {
                SplittableRandom rnd = new SplittableRandom(seed + me);
                long[] lat = new long[1 << 16];
                int n = 0;
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= end) {
                        break;
                    }
                    boolean ok = get(http, base + "/api/jobs/" + ids[rnd.nextInt(ids.length)]);
                    long t1 = System.nanoTime();
                    if (t0 >= measureFrom) {
                        if (!ok) {
                            errors.incrementAndGet();
                        }
                        if (n == lat.length) {
                            lat = Arrays.copyOf(lat, n * 2);
                        }
                        lat[n++] = t1 - t0;
                    }
                    if (pollMs > 0) {
                        sleep(pollMs);
                    }
                }
                pollLat[me] = Arrays.copyOf(lat, n);
            }));
        }
        for (int t = 0; t < submitters; t++) {
            int me = t;
            threads.add(new Thread(() -> {
                long[] lat = new long[1024];
                int n = 0;
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= end) {
                        break;
                    }
                    String id = submit(http, base, design, seedCounter.incrementAndGet());
                    long t1 = System.nanoTime();
                    if (t0 >= measureFrom) {
                        if (id == null) {
                            errors.incrementAndGet();
                        }
                        if (n == lat.length) {
                            lat = Arrays.copyOf(lat, n * 2);
                        }
                        lat[n++] = t1 - t0;
                    }
                    sleep(200);
                }
                subLat[me] = Arrays.copyOf(lat, n);
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        long[] p = concat(pollLat);
        long[] s = concat(subLat);
        System.out.printf("| %d | %s | %d | %d s | %d | %.0f/s | %s | %d | %s | %d |%n", pollers,
                pollMs > 0 ? pollMs + " ms" : "none", submitters, seconds, p.length, p.length / (double) seconds, pct(p), s.length, pct(s), errors.get());
    }

    static String submit(HttpClient http, String base, String design, long seed) {
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/api/jobs")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"design\":\"" + design + "\",\"seed\":" + seed + "}"))
                    .build();
            HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
            Matcher m = ID.matcher(res.body());
            return res.statusCode() == 202 && m.find() ? m.group(1) : null;
        } catch (Exception e) {
            return null;
        }
    }

    static boolean get(HttpClient http, String url) {
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
            return http.send(r, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    static long[] concat(long[][] parts) {
        int n = 0;
        for (long[] p : parts) {
            n += p.length;
        }
        long[] all = new long[n];
        int k = 0;
        for (long[] p : parts) {
            System.arraycopy(p, 0, all, k, p.length);
            k += p.length;
        }
        Arrays.sort(all);
        return all;
    }

    static String pct(long[] sorted) {
        if (sorted.length == 0) {
            return "- / - / - / -";
        }
        return String.format("%.1f / %.1f / %.1f / %.1f", at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6);
    }

    static double at(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
