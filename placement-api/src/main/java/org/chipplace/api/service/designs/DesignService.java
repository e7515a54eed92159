package org.chipplace.api.service.designs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.chipplace.api.service.ChipplaceProperties;
import org.chipplace.api.service.Dtos.BenchmarkInfo;
import org.chipplace.api.service.Dtos.Core;
import org.chipplace.api.service.Dtos.DesignSummary;
import org.chipplace.api.service.ServiceErrors.BadRequest;
import org.chipplace.api.service.ServiceErrors.NotFound;
import org.chipplace.api.service.security.AuditLog;
import org.chipplace.api.service.security.Caller;
import org.chipplace.api.service.security.Callers;
import org.chipplace.api.service.store.DesignEntity;
import org.chipplace.api.service.store.DesignFileEntity;
import org.chipplace.api.service.store.DesignFileRepository;
import org.chipplace.api.service.store.DesignRepository;
import org.chipplace.netlist.Benchmarks;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistParseException;
import org.chipplace.netlist.bookshelf.Bookshelf;
import org.chipplace.netlist.lefdef.DefDesign;
import org.chipplace.netlist.circuittraining.CircuitTraining;
import org.chipplace.netlist.circuittraining.CtDesign;
import org.chipplace.netlist.lefdef.LefDef;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.FileSystemUtils;

/**
 * Designs: uploads of Bookshelf or LEF/DEF files (parsed once to check them and to fill the
 * summary, then kept as bytes in the database with a SHA-256 checksum and the design's format)
 * and the benchmarks folder (Bookshelf).
 */
@Service
public class DesignService {
    private final DesignRepository designs;
    private final DesignFileRepository files;
    private final ChipplaceProperties props;
    private final Callers callers;
    private final AuditLog audit;
    private final BenchmarkCounts counts;

    public DesignService(DesignRepository designs, DesignFileRepository files, ChipplaceProperties props,
                         Callers callers, AuditLog audit, BenchmarkCounts counts) {
        this.counts = counts;
        this.designs = designs;
        this.files = files;
        this.props = props;
        this.callers = callers;
        this.audit = audit;
    }

    /**
     * Checks, parses and stores an upload of Bookshelf or LEF/DEF files ({@link DesignFiles} tells the
     * format); parse errors become 400 with the {@code file:line:} message.
     */
    @Transactional
    public DesignSummary upload(List<UploadExtractor.Part> parts) throws IOException {
        var up = props.getUpload();
        Map<String, byte[]> content = UploadExtractor.extract(parts, up.getMaxEntries(), up.getMaxUncompressedBytes());
        DesignFiles layout = DesignFiles.of(content.keySet());
        Path dir = Files.createTempDirectory("chipplace-upload");
        Netlist nl;
        try {
            write(content, dir);
            nl = read(layout, dir).netlist();
        } catch (NetlistParseException e) {
            throw new BadRequest(relativize(e.getMessage(), dir));
        } catch (UncheckedIOException e) {
            throw new BadRequest(e.getCause().getMessage() == null ? e.getMessage()
                    : relativize(e.getCause().getMessage(), dir));
        } finally {
            FileSystemUtils.deleteRecursively(dir);
        }
        long size = content.values().stream().mapToLong(b -> b.length).sum();
        DesignEntity d = new DesignEntity(UUID.randomUUID(), nl.name(), layout.main(), checksum(new TreeMap<>(content)),
                size, Instant.now());
        d.setFormat(layout.format().key(), layout.lefs());
        d.setOwner(callers.current().owner());
        d.setSummary(nl.numNodes(), nl.numNets(), nl.numPins(), nl.numMovable(), nl.numMacros(), nl.numCells(),
                nl.numFixed() + nl.numFixedNi(), nl.coreXl(), nl.coreYl(), nl.coreXh(), nl.coreYh());
        designs.save(d);
        for (var e : content.entrySet()) {
            files.save(new DesignFileEntity(UUID.randomUUID(), d.getId(), e.getKey(), e.getValue()));
        }
        audit.record(AuditLog.UPLOAD, d.getId().toString());
        return view(d);
    }

    @Transactional(readOnly = true)
    public List<DesignSummary> list() {
        Caller c = callers.current();
        return (c.admin() ? designs.findAllByOrderByCreatedAtDesc() : designs.findByOwnerOrderByCreatedAtDesc(c.owner()))
                .stream().map(DesignService::view).toList();
    }

    @Transactional(readOnly = true)
    public DesignSummary get(UUID id) {
        return view(find(id));
    }

    /** Design {@code id} if the current caller may see it; 404 otherwise (another owner's design is "not found"). */
    public DesignEntity find(UUID id) {
        Caller c = callers.current();
        return designs.findById(id).filter(d -> c.sees(d.getOwner())).orElseThrow(() -> new NotFound("design", id));
    }

    /**
     * Reads the design of a job: upload {@code designId} (its files written under {@code dir}, which
     * the caller deletes), or, when {@code designId} is null, benchmark {@code benchmark}.
     */
    public LoadedDesign load(UUID designId, String benchmark, Path dir) throws IOException {
        if (designId == null) {
            return new LoadedDesign(Bookshelf.read(benchmarkAux(benchmark)), null);
        }
        return read(materialize(designId, dir), dir);
    }

    /** Writes the files of design {@code id} under {@code dir}; returns which of them make up the design. */
    private DesignFiles materialize(UUID id, Path dir) throws IOException {
        DesignEntity d = designs.findById(id).orElseThrow(() -> new NotFound("design", id));
        for (DesignFileEntity f : files.findByDesignIdOrderByPath(id)) {
            Path p = dir.resolve(f.getPath()).normalize();
            if (!p.startsWith(dir)) {
                throw new IllegalStateException("stored file path escapes the folder: " + f.getPath());
            }
            Files.createDirectories(p.getParent());
            Files.write(p, f.getContent());
        }
        return new DesignFiles(DesignFormat.of(d.getFormat()), d.getAuxPath(), d.getLefPaths());
    }

    private static LoadedDesign read(DesignFiles layout, Path dir) {
        if (layout.format() == DesignFormat.BOOKSHELF) {
            return new LoadedDesign(Bookshelf.read(dir.resolve(layout.main())), null);
        }
        if (layout.format() == DesignFormat.CIRCUIT_TRAINING) {
            // the floorplan files: LEFs in order, then the DEF (see DesignFiles)
            List<Path> lefs = layout.lefs().stream().filter(f -> !DesignFiles.isDef(f)).map(dir::resolve).toList();
            Path def = layout.lefs().stream().filter(DesignFiles::isDef).map(dir::resolve).findFirst().orElse(null);
            CtDesign ct = CircuitTraining.read(dir.resolve(layout.main()), lefs, def);
            return new LoadedDesign(ct.netlist(), null, ct);
        }
        List<Path> lefs = layout.lefs().stream().map(dir::resolve).toList();
        DefDesign def = LefDef.readDef(LefDef.readLef(lefs), dir.resolve(layout.main()));
        return new LoadedDesign(def.netlist(), def);
    }

    /** The benchmarks folder, if configured or found. */
    public java.util.Optional<Path> benchmarksDir() {
        String configured = props.getBenchmarksDir();
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return Files.isDirectory(p) ? java.util.Optional.of(p.toAbsolutePath()) : java.util.Optional.empty();
        }
        return Benchmarks.dir();
    }

    /**
     * Designs of the benchmarks folder: every sub-folder holding an .aux, with its counts
     * ({@link BenchmarkCounts}: parsed on the first request, then remembered until its files change).
     */
    public List<BenchmarkInfo> benchmarks() throws IOException {
        var dir = benchmarksDir();
        if (dir.isEmpty()) {
            return List.of();
        }
        List<BenchmarkInfo> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir.get())) {
            for (Path folder : s.filter(Files::isDirectory).sorted().toList()) {
                Path aux = findAux(folder);
                if (aux != null) {
                    long size = 0, modified = 0;
                    try (Stream<Path> fs = Files.list(folder)) {
                        for (Path f : fs.filter(Files::isRegularFile).toList()) {
                            size += sizeOf(f);
                            modified = Math.max(modified, modifiedOf(f));
                        }
                    }
                    String name = folder.getFileName().toString();
                    BenchmarkCounts.Counts n = counts.of(aux, size, modified);
                    out.add(new BenchmarkInfo(name, "bench:" + name, aux.getFileName().toString(), size, n.cells(),
                            n.macros(), n.nets()));
                }
            }
        }
        return out;
    }

    /** The .aux of benchmark {@code name}; 404 when the folder has no such design. */
    public Path benchmarkAux(String name) {
        if (!name.matches("[A-Za-z0-9_.+-]+") || name.startsWith(".")) {
            throw new BadRequest("invalid benchmark name '" + name + "'");
        }
        Path aux = benchmarksDir().map(d -> d.resolve(name)).filter(Files::isDirectory).map(DesignService::findAux)
                .orElse(null);
        if (aux == null) {
            throw new NotFound("benchmark", name);
        }
        return aux;
    }

    private static Path findAux(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".aux")).sorted().findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static long modifiedOf(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void write(Map<String, byte[]> content, Path dir) throws IOException {
        for (var e : content.entrySet()) {
            Path p = dir.resolve(e.getKey()).normalize();
            if (!p.startsWith(dir)) {
                throw new BadRequest("unsafe file name '" + e.getKey() + "'");
            }
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue());
        }
    }

    private static String relativize(String message, Path dir) {
        return message.replace(dir.toString() + "/", "").replace(dir.toString(), "");
    }

    /** SHA-256 over the sorted files: path, NUL, length, NUL, bytes. */
    static String checksum(Map<String, byte[]> content) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (var e : content.entrySet()) {
                md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(Long.toString(e.getValue().length).getBytes(StandardCharsets.US_ASCII));
                md.update((byte) 0);
                md.update(e.getValue());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static DesignSummary view(DesignEntity d) {
        DesignFormat f = DesignFormat.of(d.getFormat());
        boolean lefDef = f == DesignFormat.LEFDEF;
        List<String> lefPaths = d.getLefPaths();
        String defPath = lefDef ? d.getAuxPath() : null;
        if (f == DesignFormat.CIRCUIT_TRAINING) { // floorplan files: the LEFs, then the DEF
            defPath = lefPaths.stream().filter(DesignFiles::isDef).findFirst().orElse(null);
            lefPaths = lefPaths.stream().filter(p -> !DesignFiles.isDef(p)).toList();
        }
        return new DesignSummary(d.getId(), d.getName(), lefDef ? null : d.getAuxPath(), d.getChecksum(),
                d.getSizeBytes(), d.getNodes(), d.getNets(), d.getPins(), d.getMovable(), d.getMacros(), d.getCells(),
                d.getFixedNodes(), new Core(d.getCoreXl(), d.getCoreYl(), d.getCoreXh(), d.getCoreYh()),
                d.getCreatedAt(), d.getFormat(), defPath, lefPaths);
    }
}
