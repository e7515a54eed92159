package org.chipplace.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;
import org.chipplace.offline.env.MacroEnv;
import org.chipplace.placer.ProgressListener;
import org.junit.jupiter.api.Test;

class DefaultModelTest {

    @Test
    void bundledModelPlacesEveryMacroInsideTheCoreAndReportsTheWrittenHpwl() {
        Netlist nl = TestModels.tinyDesign(12, 51);
        Placement p = nl.initialPlacement();
        try (DecisionTransformerPlacer placer = new DecisionTransformerPlacer(DtOptions.defaults().withSamples(2))) {
            assertThat(placer.name()).isEqualTo("dt");
            placer.placeMacros(nl, p, 3, ProgressListener.NONE);
            DtResult r = placer.lastResult();
            assertThat(r.rolloutHpwl()).hasSize(2);
            assertThat(MacroEnv.macroHpwl(nl, p)).isCloseTo(r.hpwl(), org.assertj.core.data.Offset.offset(1e-6 * r.hpwl()));
        }
        for (int v = 0; v < nl.numNodes(); v++) {
            if (nl.isMacro(v)) {
                assertThat(p.x()[v]).isBetween(nl.coreXl(), nl.coreXh() - nl.widths()[v] + 1e-6);
                assertThat(p.y()[v]).isBetween(nl.coreYl(), nl.coreYh() - nl.heights()[v] + 1e-6);
            } else {
                assertThat(p.x()[v]).isEqualTo(nl.initialPlacement().x()[v]);
            }
        }
    }

    @Test
    void loadingTheBundledModelWritesNoTemporaryFolder() throws IOException {
        Set<String> before = temporaryFolders();
        try (DecisionTransformer dt = DecisionTransformer.loadDefault()) {
            assertThat(dt.grid()).isPositive();
        }
        // the encoder was read from the class path, not unpacked into java.io.tmpdir
        assertThat(temporaryFolders()).isSubsetOf(before);
    }

    @Test
    void placersSharingAModelLeaveItOpenAndPlaceAsAnOwnedOne() {
        Netlist nl = TestModels.tinyDesign(12, 51);
        Placement owned = nl.initialPlacement();
        try (DecisionTransformerPlacer placer = new DecisionTransformerPlacer(DtOptions.defaults())) {
            placer.placeMacros(nl, owned, 3, ProgressListener.NONE);
        }
        try (DecisionTransformer shared = DecisionTransformer.loadDefault()) {
            for (int i = 0; i < 2; i++) {
                Placement p = nl.initialPlacement();
                try (DecisionTransformerPlacer placer = new DecisionTransformerPlacer(shared, DtOptions.defaults())) {
                    placer.placeMacros(nl, p, 3, ProgressListener.NONE);
                }
                // closing the placer did not close the model: the second round runs on it
                assertThat(p.x()).as("round " + i).containsExactly(owned.x());
                assertThat(p.y()).as("round " + i).containsExactly(owned.y());
            }
        }
    }

    /** Names of the folders in java.io.tmpdir that the bundled model's loader used to unpack into. */
    private static Set<String> temporaryFolders() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("dt-encoder"))
                    .collect(Collectors.toSet());
        }
    }
}
