package org.almoner.engine.linkage;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How much activity was linked to a person, overall and per source system.
 *
 * @param bySource one line per source system
 */
public record LinkageResult(List<SourceLinkage> bySource) {

    public LinkageResult {
        bySource = List.copyOf(requireNonNull(bySource, "bySource is null"));
    }

    public long rows() {
        return bySource.stream().mapToLong(SourceLinkage::rows).sum();
    }

    public long linkedByNhsNumber() {
        return bySource.stream().mapToLong(SourceLinkage::linkedByNhsNumber).sum();
    }

    public long linkedOtherwise() {
        return bySource.stream().mapToLong(SourceLinkage::linkedOtherwise).sum();
    }

    public long unlinked() {
        return bySource.stream().mapToLong(SourceLinkage::unlinked).sum();
    }

    /**
     * Linkage in one source system.
     *
     * @param sourceSystem the source system
     * @param rows activity rows
     * @param linkedByNhsNumber rows linked deterministically
     * @param linkedOtherwise rows linked by a supplementary linker
     * @param unlinked rows linked to nobody yet
     */
    public record SourceLinkage(String sourceSystem, long rows, long linkedByNhsNumber, long linkedOtherwise, long unlinked) {

        public SourceLinkage {
            requireNonNull(sourceSystem, "sourceSystem is null");
            if (rows != linkedByNhsNumber + linkedOtherwise + unlinked) {
                throw new IllegalArgumentException("rows of " + sourceSystem + " do not add up");
            }
        }
    }
}
