package org.chipplace.netlist.circuittraining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.chipplace.netlist.Benchmarks;
import org.chipplace.netlist.Netlist;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * TILOS MacroPlacement's NG45 Ariane (133 macros) in Circuit Training format, against the counts and
 * the reference-placement HPWL of {@code ../shared/benchmarks/SOURCES.md}: 133 macros, 88,411
 * standard cells, 7,847 macro pins, 495 ports, 90,986 nets, 381,472 pins, HPWL 2,956,038 um. Skips
 * without the benchmark folder (fails on CI).
 */
class Ariane133Test {
    static final String FOLDER = "tilos_ng45_ariane133";

    static Path folderOrSkip() {
        Optional<Path> dir = Benchmarks.dir().map(d -> d.resolve(FOLDER)).filter(Files::isDirectory);
        if (Benchmarks.required()) {
            assertThat(dir).as(Benchmarks.missingMessage(FOLDER)).isPresent();
        }
        Assumptions.assumeTrue(dir.isPresent(), Benchmarks.missingMessage(FOLDER));
        return dir.get();
    }

    private static void checkCounts(CtDesign d) {
        Netlist nl = d.netlist();
        assertThat(nl.numMacros()).isEqualTo(133);
        assertThat(nl.numCells()).isEqualTo(88_411);
        assertThat(nl.numFixedNi()).isEqualTo(495);
        assertThat(d.pbNodeCount()).isEqualTo(133 + 88_411 + 495 + 7_847);
        assertThat(nl.numNets()).isEqualTo(90_986);
        assertThat(nl.numPins()).isEqualTo(381_472);
        assertThat(CircuitTrainingTest.hpwlMicrons(d, d.placement())).isCloseTo(2_956_038, within(2_956.0));
    }

    @Test
    void countsAndReferenceHpwl() {
        Path dir = folderOrSkip();
        long t0 = System.nanoTime();
        CtDesign d = CircuitTraining.read(dir.resolve("ariane.pb.txt.gz"));
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("ariane.pb.txt.gz read in %.2f s%n", seconds);
        checkCounts(d);
        // rows derived from the cells: 1.4 um high, 0.19 um sites, over the 1599.99 x 1600.06 canvas
        assertThat(d.netlist().rowHeight()).isEqualTo(1400);
        assertThat(d.netlist().rows()[0].siteWidth()).isEqualTo(190);
        assertThat(d.netlist().rows()).hasSize(1142);
        assertThat(d.canvasWidthMicrons()).isCloseTo(1599.99, within(1e-9));
    }

    @Test
    void withTheFloorplanDef() {
        Path dir = folderOrSkip();
        CtDesign d = CircuitTraining.read(dir.resolve("ariane.pb.txt.gz"),
                List.of(dir.resolve("NangateOpenCellLibrary.tech.lef"), dir.resolve("NangateOpenCellLibrary.macro.mod.lef"),
                        dir.resolve("fakeram45_256x16.lef")), dir.resolve("ariane133_fp.def"));
        checkCounts(d);
        assertThat(d.dbuPerMicron()).isEqualTo(2000);
        assertThat(d.netlist().rows()).hasSize(1142);
        assertThat(d.netlist().rows()[0].orient()).isEqualTo("FS");
        assertThat(d.netlist().rowHeight()).isEqualTo(2800);
        assertThat(d.canvas()).containsExactly(0, 0, 3_199_980, 3_200_120);
    }

    @Test
    void placedDefOnTheFloorplanListsEveryMacroAndCellAtItsPosition(@org.junit.jupiter.api.io.TempDir Path tmp) {
        Path dir = folderOrSkip();
        List<Path> lefs = List.of(dir.resolve("NangateOpenCellLibrary.tech.lef"),
                dir.resolve("NangateOpenCellLibrary.macro.mod.lef"), dir.resolve("fakeram45_256x16.lef"));
        CtDesign d = CircuitTraining.read(dir.resolve("ariane.pb.txt.gz"), lefs, dir.resolve("ariane133_fp.def"));
        org.chipplace.netlist.Placement p = d.placement();
        int macro = -1;
        for (int v = 0; v < p.size() && macro < 0; v++) {
            macro = d.netlist().isMacro(v) ? v : -1;
        }
        p.orient()[macro] = "FN";
        Path out = tmp.resolve("ariane.def");
        CircuitTraining.writeDef(d, p, out);
        org.chipplace.netlist.lefdef.DefDesign back = org.chipplace.netlist.lefdef.LefDef.read(lefs, out);
        assertThat(back.components()).hasSize(133 + 88_411);
        assertThat(back.netlist().numMacros()).isEqualTo(133);
        assertThat(back.dieArea()).containsExactly(0, 0, 3_199_980, 3_200_120);
        int k = 0;
        for (int v = 0; v < p.size(); v++) {
            if (d.netlist().kind(v) == org.chipplace.netlist.NodeKind.FIXED_NI) {
                continue;
            }
            org.chipplace.netlist.lefdef.DefDesign.Component c = back.components().get(k++);
            assertThat(c.name().replace("\\", "")).isEqualTo(d.netlist().nodeNames()[v]);
            assertThat(c.macro()).isEqualTo(d.refName(v));
            assertThat(c.x()).isEqualTo(Math.round(p.x()[v]));
            assertThat(c.y()).isEqualTo(Math.round(p.y()[v]));
        }
        assertThat(back.components().get(macro - countPortsBefore(d, macro)).orient()).isEqualTo("FN");
    }

    @Test
    void theFloorplanDefsPlacedMacrosStartThereWithTheirHalos() {
        Path dir = folderOrSkip();
        List<Path> lefs = List.of(dir.resolve("NangateOpenCellLibrary.tech.lef"),
                dir.resolve("NangateOpenCellLibrary.macro.mod.lef"), dir.resolve("fakeram45_256x16.lef"));
        CtDesign d = CircuitTraining.read(dir.resolve("ariane.pb.txt.gz"), lefs, dir.resolve("ariane133_fp_placed_macros.def"));
        Netlist nl = d.netlist();
        assertThat(nl.numMacros()).isEqualTo(133); // PLACED: still movable
        // the DEF's orientations are those of the .pb's pin offsets (whatever its attr says): no second mirror
        checkCounts(d);
        assertThat(CircuitTrainingTest.hpwlMicrons(d, d.placement())).isCloseTo(2_956_038, within(1.0));
        org.chipplace.netlist.lefdef.DefDesign fp = d.floorplan();
        org.chipplace.netlist.lefdef.DefDesign.Component c = fp.components().get(0);
        int v = nl.nodeIndex(c.name().replace("\\", ""));
        assertThat(v).isNotNegative();
        org.chipplace.netlist.Placement p = d.placement();
        assertThat(p.x()[v]).isEqualTo(c.x());
        assertThat(p.y()[v]).isEqualTo(c.y());
        assertThat(p.orient()[v]).isEqualTo(c.orient());
        assertThat(java.util.Arrays.copyOfRange(nl.halos(), 4 * v, 4 * v + 4)).containsExactly(10000, 10000, 10000, 10000);
        int withHalo = 0;
        for (int u = 0; u < nl.numNodes(); u++) {
            withHalo += nl.hasHalo(u) ? 1 : 0;
        }
        assertThat(withHalo).isEqualTo(133);
    }

    @Test
    void onThePlainFloorplanEachMacroTakesTheOrientationItsPinOffsetsAndThePlacedMacrosDefGive() {
        Path dir = folderOrSkip();
        List<Path> lefs = List.of(dir.resolve("NangateOpenCellLibrary.tech.lef"),
                dir.resolve("NangateOpenCellLibrary.macro.mod.lef"), dir.resolve("fakeram45_256x16.lef"));
        CtDesign d = CircuitTraining.read(dir.resolve("ariane.pb.txt.gz"), lefs, dir.resolve("ariane133_fp.def"));
        org.chipplace.netlist.lefdef.DefDesign placed = org.chipplace.netlist.lefdef.LefDef.read(lefs,
                dir.resolve("ariane133_fp_placed_macros.def"));
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        for (org.chipplace.netlist.lefdef.DefDesign.Component c : placed.components()) {
            int v = d.netlist().nodeIndex(c.name().replace("\\", ""));
            assertThat(d.placement().orient()[v]).as(c.name()).isEqualTo(c.orient());
            counts.merge(c.orient(), 1, Integer::sum);
        }
        // the .pb's attr says 114 N, 19 S
        assertThat(counts).containsExactly(java.util.Map.entry("FN", 28), java.util.Map.entry("FS", 45),
                java.util.Map.entry("N", 41), java.util.Map.entry("S", 19));
    }

    private static int countPortsBefore(CtDesign d, int node) {
        int c = 0;
        for (int v = 0; v < node; v++) {
            c += d.netlist().kind(v) == org.chipplace.netlist.NodeKind.FIXED_NI ? 1 : 0;
        }
        return c;
    }
}
