package org.chipplace.offline.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.synthetic.SyntheticCircuits;
import org.chipplace.netlist.synthetic.SyntheticOptions;
import org.chipplace.offline.env.EnvOptions;
import org.chipplace.offline.env.MacroEnv;
import org.chipplace.offline.env.Trajectory;
import org.chipplace.placer.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetTest {
    @TempDir
    Path dir;
    private final Netlist d1 = SyntheticCircuits.generate("d1", SyntheticOptions.small(10), 1);
    private final Netlist d2 = SyntheticCircuits.generate("d2", SyntheticOptions.small(8), 2);
    private final DatasetOptions opts = new DatasetOptions(EnvOptions.defaults().withGrid(16), 5, 6, 1);

    private Path generate(String expert, int k) throws IOException {
        Path f = dir.resolve(expert + ".cptraj");
        Datasets.generate(List.of(d1, d2), k, expert, 77, f, ProgressListener.NONE, opts);
        return f;
    }

    @Test
    void datasetRoundTripsAndInfoSummarisesIt() throws IOException {
        Path f = generate("mixed", 5);
        List<Trajectory> ts = Datasets.read(f);
        assertThat(ts).hasSize(10);
        Path g = dir.resolve("copy.cptraj");
        TrajectoryFile.write(g, ts);
        assertThat(Files.readAllBytes(g)).isEqualTo(Files.readAllBytes(f));
        DatasetInfo info = Datasets.info(f);
        assertThat(info.trajectories()).isEqualTo(10);
        assertThat(info.designs()).hasSize(2);
        DatasetInfo.DesignStats s = info.designs().get(0);
        assertThat(s.name()).isEqualTo("d1");
        assertThat(s.trajectories()).isEqualTo(5);
        assertThat(s.steps()).isEqualTo(10);
        assertThat(s.bestReturn()).isGreaterThanOrEqualTo(s.meanReturn());
        assertThat(s.meanReturn()).isGreaterThanOrEqualTo(s.worstReturn());
        assertThat(s.experts()).containsEntry("ea", 1).containsEntry("random", 1);
        for (Trajectory t : ts) {
            assertThat(Arrays.stream(t.rewards()).sum()).isCloseTo(t.ret(), within(1e-6 * Math.abs(t.ret())));
        }
    }

    @Test
    void generationIsSeededWithAnEvaluationCap() throws IOException {
        Path a = generate("ea", 2);
        byte[] first = Files.readAllBytes(a);
        Path b = generate("ea", 2);
        assertThat(Files.readAllBytes(b)).isEqualTo(first);
    }

    @Test
    void designsWithoutMacrosGiveEmptyTrajectories() throws IOException {
        Netlist noMacros = SyntheticCircuits.generate("cells", new SyntheticOptions(0, 50, 60, 4, 0.6, 0, 0.6), 1);
        Path f = dir.resolve("empty.cptraj");
        DatasetInfo info = Datasets.generate(List.of(noMacros), 5, "mixed", 1, f, ProgressListener.NONE, opts);
        assertThat(info.designs().get(0).steps()).isZero();
        assertThat(Datasets.read(f)).hasSize(5).allSatisfy(t -> assertThat(t.ret()).isZero());
    }

    @Test
    void flippedByteIsRejected() throws IOException {
        Path f = generate("greedy", 2);
        byte[] bytes = Files.readAllBytes(f);
        for (int pos : new int[] {3, 40, bytes.length / 2, bytes.length - 2}) {
            byte[] bad = bytes.clone();
            bad[pos] ^= 0x10;
            Path g = dir.resolve("bad" + pos);
            Files.write(g, bad);
            assertThatThrownBy(() -> Datasets.read(g)).isInstanceOf(DatasetFormatException.class);
        }
    }

    @Test
    void truncatedFileAndOtherVersionAreRejectedWithClearMessages() throws IOException {
        Path f = generate("greedy", 1);
        byte[] bytes = Files.readAllBytes(f);
        Path t = dir.resolve("trunc");
        Files.write(t, Arrays.copyOf(bytes, bytes.length - 9));
        assertThatThrownBy(() -> Datasets.read(t)).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("truncated");
        Files.write(t, Arrays.copyOf(bytes, 10));
        assertThatThrownBy(() -> Datasets.read(t)).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("truncated");
        byte[] v = bytes.clone();
        ByteBuffer.wrap(v).putInt(8, 99);
        Files.write(t, v);
        assertThatThrownBy(() -> Datasets.read(t)).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("version 99");
    }

    @Test
    void aVersionOneFileIsReadWithoutFlowLabels() throws IOException {
        Path f = generate("greedy", 2);
        List<Trajectory> ts = Datasets.read(f);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
        out.writeInt(ts.size());
        for (Trajectory t : ts) { // version 1: no flow label after the return
            byte[] name = t.designName().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(name.length);
            out.write(name);
            out.write(java.util.HexFormat.of().parseHex(t.designHash()));
            out.writeInt(t.grid());
            byte[] expert = t.expert().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(expert.length);
            out.write(expert);
            out.writeInt(t.actions().length);
            for (int v : t.order()) {
                out.writeInt(v);
            }
            for (int v : t.actions()) {
                out.writeInt(v);
            }
            for (double v : t.rewards()) {
                out.writeDouble(v);
            }
            out.writeDouble(t.ret());
        }
        byte[] v1 = DatasetFuzzTarget.wrap(bytes.toByteArray());
        ByteBuffer.wrap(v1).putInt(8, 1);
        Path g = dir.resolve("v1.cptraj");
        Files.write(g, v1);
        List<Trajectory> read = Datasets.read(g);
        assertThat(read).hasSize(ts.size());
        for (int i = 0; i < ts.size(); i++) {
            assertThat(read.get(i).actions()).isEqualTo(ts.get(i).actions());
            assertThat(read.get(i).ret()).isEqualTo(ts.get(i).ret());
            assertThat(read.get(i).labelled()).isFalse();
        }
        assertThat(Datasets.info(g).version()).isEqualTo(1);
        assertThat(Datasets.info(f).version()).isEqualTo(2);
        // the version-2 payload read as version 1 has 8 bytes per trajectory left over
        byte[] v2as1 = Files.readAllBytes(f);
        ByteBuffer.wrap(v2as1).putInt(8, 1);
        Files.write(g, v2as1);
        assertThatThrownBy(() -> Datasets.read(g)).isInstanceOf(DatasetFormatException.class);
        ByteBuffer.wrap(v1).putInt(8, 3);
        Files.write(g, v1);
        assertThatThrownBy(() -> Datasets.read(g)).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("version 3");
    }

    @Test
    void loaderReplaysWindowsWithReturnsToGoAndRejectsUnknownDesigns() throws IOException {
        Path f = generate("mixed", 3);
        DatasetLoader loader = Datasets.loader(f, List.of(d2, d1));
        List<TrainingWindow> ws = new ArrayList<>();
        for (Iterator<TrainingWindow> it = loader.windows(4, 5); it.hasNext(); ) {
            ws.add(it.next());
        }
        // d1: 10 steps -> starts 0, 4, 6; d2: 8 steps -> 0, 4; three trajectories each
        assertThat(ws).hasSize(3 * 3 + 3 * 2);
        List<Trajectory> ts = Datasets.read(f);
        for (TrainingWindow w : ws) {
            Trajectory t = ts.get(w.trajectory());
            assertThat(w.circuitId()).isEqualTo(t.designName().equals("d1") ? 0 : 1);
            assertThat(w.actions()[0]).isEqualTo(t.actions()[w.startStep()]);
            double rtg = 0;
            for (int s = w.startStep(); s < t.rewards().length; s++) {
                rtg += t.rewards()[s];
            }
            assertThat((double) w.returnsToGo()[0]).isCloseTo(rtg, within(1e-4 * Math.abs(t.ret()) + 1e-3));
            assertThat(w.states()[0]).hasSize(MacroEnv.stateSize(16));
            // the action taken was legal in the replayed position mask
            assertThat(w.states()[0][2 * 256 + w.actions()[0]]).isEqualTo(1f);
        }
        List<TrainingWindow> again = new ArrayList<>();
        loader.windows(4, 5).forEachRemaining(again::add);
        assertThat(again.get(0).trajectory()).isEqualTo(ws.get(0).trajectory());
        assertThat(again.get(0).startStep()).isEqualTo(ws.get(0).startStep());
        assertThatThrownBy(() -> Datasets.loader(f, List.of(d2))).isInstanceOf(DatasetFormatException.class);
    }
}
