package org.chipplace.gnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.EngineException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class PyTorchTest {

    @Test
    void theBundledNativeLibraryStartsThePyTorchEngine() {
        assertThat(PyTorch.engine().getEngineName()).isEqualTo("PyTorch");
    }

    @Test
    void aNativeLibraryThatDoesNotLoadBecomesEngineUnavailableNamingDjlsReasonAndTheCpuBuild() {
        // what DJL 0.33 throws when a cuda build runs offline on a machine without a driver
        EngineException djl = new EngineException("Failed to save pytorch index file",
                new IOException("Offline mode is enabled."));
        assertThatThrownBy(() -> PyTorch.engine(() -> {
            throw djl;
        }))
                .isInstanceOf(EngineUnavailableException.class)
                .isInstanceOf(IllegalStateException.class)
                .hasCause(djl)
                .hasMessageContaining("Failed to save pytorch index file: Offline mode is enabled.")
                .hasMessageContaining("cuda Maven profile")
                .hasMessageContaining("without -Pcuda");
    }

    @Test
    void aLinkageErrorOfTheNativeLibraryIsReportedTheSameWay() {
        UnsatisfiedLinkError link = new UnsatisfiedLinkError("libcuda.so.1: cannot open shared object file");
        assertThatThrownBy(() -> PyTorch.engine(() -> {
            throw link;
        }))
                .isInstanceOf(EngineUnavailableException.class)
                .hasCause(link)
                .hasMessageContaining("libcuda.so.1");
    }

    @Test
    void gpuWithoutACudaDeviceSaysWhyInOneLine() {
        assertThat(PyTorch.noCudaReason("cpu"))
                .isEqualTo("no CUDA device: this build has the CPU PyTorch engine (build with -Pcuda)");
        assertThat(PyTorch.noCudaReason("cu124")).startsWith("no CUDA device: ").contains("cu124")
                .contains("sees no GPU");
        assertThat(PyTorch.noCudaReason(null)).startsWith("no CUDA device: ");
        // the default build bundles the CPU library
        assertThat(PyTorch.nativeFlavor()).isEqualTo("cpu");
        org.junit.jupiter.api.Assumptions.assumeTrue(PyTorch.engine().getGpuCount() == 0, "a GPU is present");
        assertThatThrownBy(() -> PyTorch.device("gpu")).isInstanceOf(NoCudaDeviceException.class)
                .hasMessage(PyTorch.CPU_BUILD);
    }

    @Test
    void cpuIsTheCpuDeviceAndOtherNamesAreInvalid() {
        assertThat(PyTorch.device("CPU")).isEqualTo(ai.djl.Device.cpu());
        assertThatThrownBy(() -> PyTorch.device("tpu")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("device must be cpu or gpu, got tpu");
    }
}
