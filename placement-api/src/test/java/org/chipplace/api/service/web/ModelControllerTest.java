package org.chipplace.api.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chipplace.api.service.models.ModelCatalog;
import org.junit.jupiter.api.Test;

class ModelControllerTest extends WebSliceTest {
    @Test
    void cardsAndTrainingLogsAreReadFromTheModelsFolder() throws Exception {
        var models = new ModelCatalog("classpath*:test-models/").models();
        assertThat(models).extracting(ModelCatalog.ModelCard::name).containsExactly("dt-small", "no-log", "shipped");
        var dt = models.get(0);
        assertThat(dt.card()).startsWith("# dt-small");
        assertThat(dt.trainingLog().columns()).containsExactly("step", "loss");
        assertThat(dt.trainingLog().rows()).hasSize(3);
        assertThat(dt.trainingLog().rows().get(2)).containsExactly(200.0, null);
        assertThat(models.get(1).trainingLog()).isNull();
        // the log as the build ships it: <name>-train-log.csv (the ablation log next to it is not it)
        assertThat(models.get(2).trainingLog().columns()).containsExactly("step", "loss", "heldout");
        assertThat(models.get(2).trainingLog().rows()).hasSize(2);
    }

    @Test
    void theShippedDecisionTransformerCardHasItsTrainingCurve() throws Exception {
        var dt = new ModelCatalog().models().stream().filter(m -> m.name().equals("decision-transformer")).findFirst();
        assertThat(dt).isPresent();
        assertThat(dt.get().trainingLog()).isNotNull();
        assertThat(dt.get().trainingLog().columns()).contains("step", "loss");
    }

    @Test
    void modelsEndpointAnswersAList() throws Exception {
        mvc.perform(get("/api/models")).andExpect(status().isOk()).andExpect(jsonPath("$").isArray());
    }
}
