package org.chipplace.api.service.reliability;

import static org.chipplace.api.service.reliability.HostileInputs.gzip;
import static org.chipplace.api.service.reliability.HostileInputs.multipart;
import static org.chipplace.api.service.reliability.HostileInputs.tar;
import static org.chipplace.api.service.reliability.HostileInputs.text;
import static org.chipplace.api.service.reliability.HostileInputs.tiny;
import static org.chipplace.api.service.reliability.HostileInputs.tinyPlLine;
import static org.chipplace.api.service.reliability.HostileInputs.tinyWith;
import static org.chipplace.api.service.reliability.HostileInputs.zip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.chipplace.api.service.TestDesigns;

/** The table of bad requests of {@link BadInputTableTest} (and of docs/reliability.md). */
final class BadInputs {
    static final String KEY = BadInputTableTest.KEY;
    static final String MP = "multipart/form-data; boundary=" + BadInputTableTest.BOUNDARY;
    static final String JSON = "application/json";

    /** One request and the status it must get. */
    record Case(String id, String what, String method, String path, String contentType, String key, byte[] body,
                int expected) {
        @Override
        public String toString() {
            return id + " " + what;
        }
    }

    private BadInputs() {
    }

    static byte[] parts(Map<String, byte[]> files) {
        return multipart(BadInputTableTest.BOUNDARY, "files", files);
    }

    static Map<String, byte[]> one(String name, byte[] bytes) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put(name, bytes);
        return m;
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static Case upload(String id, String what, Map<String, byte[]> files, int expected) {
        return new Case(id, what, "POST", "/api/designs", MP, KEY, parts(files), expected);
    }

    static Case post(String id, String what, String path, String body, int expected) {
        return new Case(id, what, "POST", path, JSON, KEY, b(body), expected);
    }

    static Map<String, byte[]> inFolder(Map<String, byte[]> files, String folder) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        files.forEach((k, v) -> m.put(folder + k, v));
        return m;
    }

    static String hugeDegreeNet(int pins) {
        StringBuilder sb = new StringBuilder(text("tiny.nets").replace("NumNets : 350", "NumNets : 351")
                .replace("NumPins : 1041", "NumPins : " + (1041 + pins)));
        sb.append("NetDegree : ").append(pins).append(" huge\n");
        for (int i = 0; i < pins; i++) {
            sb.append("  c").append(i % 300).append(" I\n");
        }
        return sb.toString();
    }

    static byte[] zeros(int n) {
        return new byte[n];
    }

    static Map<String, byte[]> manyFiles(int n) {
        Map<String, byte[]> m = tiny();
        for (int i = 0; i < n; i++) {
            m.put("extra" + i + ".wts", b("# empty\n"));
        }
        return m;
    }

    static byte[] corrupt(byte[] a) {
        byte[] c = a.clone();
        for (int i = 20; i < c.length - 8; i += 7) {
            c[i] ^= 0x5A;
        }
        return c;
    }

    static byte[] random(int n) {
        byte[] r = new byte[n];
        new SplittableRandom(3).nextBytes(r);
        return r;
    }

    static final List<Case> CASES = List.of(
        upload("U1", "the tiny design, 5 files (control)", tiny(), 201),
        upload("U2", "the tiny design as one .zip (control)", one("tiny.zip", zip(inFolder(tiny(), "tiny/"))), 201),
        new Case("U3", "upload without X-API-Key", "POST", "/api/designs", MP, null, parts(tiny()), 401),
        new Case("U4", "upload with a wrong X-API-Key", "POST", "/api/designs", MP, "wrong", parts(tiny()), 401),
        new Case("U5", "upload as application/json", "POST", "/api/designs", JSON, KEY, b("{\"files\":[]}"), 415),
        new Case("U6", "upload as text/plain", "POST", "/api/designs", "text/plain", KEY, text("tiny.nodes")
                .getBytes(StandardCharsets.UTF_8), 415),
        new Case("U7", "multipart without a part named 'files'", "POST", "/api/designs", MP, KEY,
                multipart(BadInputTableTest.BOUNDARY, "file", tiny()), 400),
        upload("U8", "a file of an unsupported type (x.exe)", one("x.exe", random(100)), 415),
        upload("U9", "no .aux file", one("tiny.nodes", tiny().get("tiny.nodes")), 400),
        upload("U10", "two .aux files", tinyWith("tiny2.aux", text("tiny.aux")), 400),
        upload("U11", ".aux names a file that was not uploaded", tinyWith("tiny.aux",
                "RowBasedPlacement : tiny.nodes tiny.nets tiny.pl tiny.scl missing.wts\n"), 400),
        upload("U12", "truncated .nodes (cut in the middle of the node list)", tinyWith("tiny.nodes",
                text("tiny.nodes").substring(0, 1000)), 400),
        upload("U13", "NumNodes header disagrees with the node list", tinyWith("tiny.nodes",
                text("tiny.nodes").replace("NumNodes : 314", "NumNodes : 315")), 400),
        upload("U14", "net pin on an unknown node", tinyWith("tiny.nets",
                text("tiny.nets").replaceFirst("c12 B", "nosuchnode B")), 400),
        upload("U15", "NetDegree 2147483647 with 3 pins", tinyWith("tiny.nets",
                text("tiny.nets").replaceFirst("NetDegree : 3  net0", "NetDegree : 2147483647  net0")), 400),
        upload("U16", "NetDegree -1", tinyWith("tiny.nets",
                text("tiny.nets").replaceFirst("NetDegree : 3  net0", "NetDegree : -1  net0")), 400),
        upload("U17", "a real 5,000-pin net (huge degree, valid)", tinyWith("tiny.nets", hugeDegreeNet(5000)), 201),
        upload("U18", "NaN coordinate in .pl", tinyPlLine("c0", "c0 NaN 0 : N"), 400),
        upload("U19", "Infinity coordinate in .pl", tinyPlLine("c0", "c0 Infinity 0 : N"), 400),
        upload("U20", "1e400 (overflows to infinity) in .pl", tinyPlLine("c0", "c0 1e400 0 : N"), 400),
        upload("U21", "NaN width in .nodes", tinyWith("tiny.nodes",
                text("tiny.nodes").replaceFirst("c0 9 16", "c0 NaN 16")), 400),
        upload("U22", "negative width in .nodes", tinyWith("tiny.nodes",
                text("tiny.nodes").replaceFirst("c0 9 16", "c0 -9 16")), 400),
        upload("U23", "binary garbage as .nets", tinyWith("tiny.nets", new String(random(4000),
                StandardCharsets.ISO_8859_1)), 400),
        upload("U24", "zip-slip: zip entry ../../evil.aux", one("d.zip", zip(one("../../evil.aux", b("x")))), 400),
        upload("U25", "absolute zip entry /etc/evil.aux", one("d.zip", zip(one("/etc/evil.aux", b("x")))), 400),
        upload("U26", "tar entry that is a symbolic link", one("d.tar.gz", tar(one("link:tiny.nodes",
                b("/etc/passwd")), true)), 400),
        upload("U27", "part file name ../../tiny.aux", one("../../tiny.aux", tiny().get("tiny.aux")), 400),
        upload("U28", ".aux naming ../../../../etc/passwd as its .nodes", tinyWith("tiny.aux",
                "RowBasedPlacement : ../../../../../../etc/passwd tiny.nets tiny.pl tiny.scl\n"), 400),
        upload("U29", "zip bomb: 16 MiB of zeros as one zip entry (limit 1 MiB)", one("b.zip",
                zip(one("b/b.nodes", zeros(16 << 20)))), 413),
        upload("U30", "gzip bomb: 16 MiB of zeros as tiny.nodes.gz (limit 1 MiB)", tinyWithGz(), 413),
        upload("U30b", "gzip bomb without .gz in its name (tiny.nodes holding gzip bytes)", tinyWithGzBytes(), 413),
        upload("U31", "more files than max-entries (16)", one("many.zip", zip(manyFiles(20))), 400),
        upload("U32", "corrupt .tar.gz (deflate stream damaged)", one("d.tar.gz", corrupt(tar(tiny(), true))), 400),
        upload("U33", "truncated .zip (cut inside an entry)", one("d.zip", cut(zip(one("d/d.nodes", random(20000))))),
                400),
        upload("U34", "over the upload limit: 300 KiB (limit 200 KiB; stands for a 2 GB upload)",
                one("big.nodes", random(300 * 1024)), 413),
        upload("U35", "empty upload part (0 bytes tiny.aux only)", one("tiny.aux", new byte[0]), 400),
        upload("U36", "the tiny LEF/DEF design, 3 LEF files and a DEF (control)", lefDef(null), 201),
        upload("U37", "a .def without its LEF files", one("tinydef.def", lefDef(null).get("tinydef.def")), 400),
        upload("U38", "Bookshelf and LEF/DEF files in one upload", tinyWith("tinydef.def",
                new String(lefDef(null).get("tinydef.def"), StandardCharsets.UTF_8)), 400),
        upload("U39", "DEF component of a macro no LEF defines", lefDef("- u7 NOSUCHCELL + UNPLACED ;"), 400),
        post("J1", "job: malformed JSON", "/api/jobs", "{\"design\": ", 400),
        post("J2", "job: unknown design id", "/api/jobs", "{\"design\":\"00000000-0000-0000-0000-000000000000\"}", 404),
        post("J3", "job: unknown macro placer", "/api/jobs", "{\"design\":\"bench:tiny\",\"macroPlacer\":\"foo\"}", 400),
        post("J4", "job: targetDensity 5", "/api/jobs", "{\"design\":\"bench:tiny\",\"options\":{\"targetDensity\":5}}",
                400),
        post("J4b", "job: timeLimit -1", "/api/jobs", "{\"design\":\"bench:tiny\",\"options\":{\"timeLimit\":-1}}",
                400),
        post("J5", "job: seed is a string", "/api/jobs", "{\"design\":\"bench:tiny\",\"seed\":\"abc\"}", 400),
        new Case("J6", "job: submitted as text/plain", "POST", "/api/jobs", "text/plain", KEY, b("design=x"), 415),
        new Case("J7", "job: GET /api/jobs/not-a-uuid", "GET", "/api/jobs/not-a-uuid", null, null, null, 400),
        new Case("J8", "job: GET an unknown job", "GET", "/api/jobs/00000000-0000-0000-0000-000000000000", null, null,
                null, 404),
        post("S1", "sweep of 12 jobs (limit 10)", "/api/sweeps", "{\"designs\":[\"bench:tiny\"],\"configs\":"
                + "[{\"name\":\"a\"},{\"name\":\"b\"},{\"name\":\"c\"}],\"seeds\":[1,2,3,4]}", 400));

    /** The tiny LEF/DEF design of the test resources; {@code u7Line} (when not null) replaces u7's component line. */
    static Map<String, byte[]> lefDef(String u7Line) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try {
            for (String lef : TestDesigns.LEFS) {
                m.put(lef, Files.readAllBytes(TestDesigns.lefDefDir().resolve(lef)));
            }
            String def = Files.readString(TestDesigns.lefDefDir().resolve(TestDesigns.DEF));
            m.put(TestDesigns.DEF, b(u7Line == null ? def : def.replace("- u7 INV + UNPLACED ;", u7Line)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    static Map<String, byte[]> tinyWithGz() {
        Map<String, byte[]> m = tiny();
        m.remove("tiny.nodes");
        m.put("tiny.nodes.gz", gzip(zeros(16 << 20)));
        return m;
    }

    static Map<String, byte[]> tinyWithGzBytes() {
        Map<String, byte[]> m = tiny();
        m.put("tiny.nodes", gzip(zeros(16 << 20)));
        return m;
    }

    static byte[] cut(byte[] a) {
        byte[] c = new byte[a.length / 2];
        System.arraycopy(a, 0, c, 0, c.length);
        return c;
    }
}
