package org.chipplace.gnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.chipplace.netlist.synthetic.SyntheticCircuits;
import org.junit.jupiter.api.Test;

class LinkPredictionTest {

    private static double bruteForceAuc(float[] pos, float[] neg) {
        double s = 0;
        for (float p : pos) {
            for (float q : neg) {
                s += p > q ? 1 : p == q ? 0.5 : 0;
            }
        }
        return s / ((double) pos.length * neg.length);
    }

    @Test
    void rankAucEqualsPairCountingWithTies() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 20; trial++) {
            float[] pos = new float[1 + rnd.nextInt(40)];
            float[] neg = new float[1 + rnd.nextInt(40)];
            for (int i = 0; i < pos.length; i++) {
                pos[i] = rnd.nextInt(7) - 2.5f; // few distinct values: many ties, negatives included
            }
            for (int i = 0; i < neg.length; i++) {
                neg[i] = rnd.nextInt(7) - 3.5f;
            }
            assertThat(LinkPrediction.rocAuc(pos, neg)).isCloseTo(bruteForceAuc(pos, neg), within(1e-12));
        }
    }

    @Test
    void perfectlySeparatedScoresGiveAucOneAndReversedZero() {
        float[] hi = {3f, 4f, 5f};
        float[] lo = {-1f, 0f, 1f, 2f};
        assertThat(LinkPrediction.rocAuc(hi, lo)).isEqualTo(1.0);
        assertThat(LinkPrediction.rocAuc(lo, hi)).isEqualTo(0.0);
    }

    @Test
    void heldOutEdgesAreDisjointFromTrainingEdgesAndNegativesAreNonEdges() {
        CircuitGraph g = CircuitGraph.of(SyntheticCircuits.generate("split", CircuitEncoderTest.SMALL_LOCAL, 1),
                EncoderGraphOptions.defaults().withMode(GraphMode.FULL));
        EdgeSplit s = EdgeSplit.of(g, 0.1, 5);
        int m = g.numEdges();
        assertThat(s.testSrc()).hasSize(m / 10);
        assertThat(s.trainSrc().length + s.testSrc().length).isEqualTo(m);
        Set<Long> train = new HashSet<>();
        for (int k = 0; k < s.trainSrc().length; k++) {
            train.add(LinkPrediction.key(s.trainSrc()[k], s.trainDst()[k]));
        }
        for (int k = 0; k < s.testSrc().length; k++) {
            assertThat(train).doesNotContain(LinkPrediction.key(s.testSrc()[k], s.testDst()[k]));
            assertThat(LinkPrediction.isEdge(s.allKeys(), s.negSrc()[k], s.negDst()[k])).isFalse();
            assertThat(s.negSrc()[k]).isNotEqualTo(s.negDst()[k]);
        }
        EdgeSplit again = EdgeSplit.of(g, 0.1, 5);
        assertThat(again.testSrc()).containsExactly(s.testSrc());
        assertThat(again.negDst()).containsExactly(s.negDst());
    }
}
