package org.almoner.engine.fhir;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Resolves references between the resources of one file, by fullUrl and by {@code Type/id}
 * (relative, absolute or versioned), and to contained resources. Remembers which resources a
 * converted row looked up, so lookup-only resources (Organization, Practitioner) can be counted as
 * used for reference.
 */
final class BundleIndex {

    private final Map<String, SourceResource> byKey = new HashMap<>();
    private final Map<Resource, SourceResource> byResource = new IdentityHashMap<>();
    private final Set<SourceResource> pending = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<SourceResource> used = Collections.newSetFromMap(new IdentityHashMap<>());

    BundleIndex(List<SourceResource> resources) {
        for (SourceResource source : resources) {
            byResource.put(source.resource(), source);
            if (!source.fullUrl().isBlank()) {
                byKey.putIfAbsent(source.fullUrl(), source);
                typeAndId(source.fullUrl()).ifPresent(key -> byKey.putIfAbsent(key, source));
            }
            Resource resource = source.resource();
            if (resource.hasIdElement() && resource.getIdElement().hasIdPart()) {
                byKey.putIfAbsent(source.resourceType() + "/" + resource.getIdElement().getIdPart(), source);
            }
        }
    }

    /** The resource a reference points at, if it is in this file (or contained); records the lookup. */
    Optional<Resource> resolve(Reference reference) {
        if (reference == null || reference.isEmpty()) {
            return Optional.empty();
        }
        if (reference.getResource() instanceof Resource contained) {
            SourceResource source = byResource.get(contained);
            if (source != null) {
                pending.add(source);
            }
            return Optional.of(contained);
        }
        String target = reference.getReference();
        if (target == null || target.isBlank()) {
            return Optional.empty();
        }
        SourceResource source = byKey.get(target);
        if (source == null) {
            source = typeAndId(target).map(byKey::get).orElse(null);
        }
        if (source == null) {
            return Optional.empty();
        }
        pending.add(source);
        return Optional.of(source.resource());
    }

    <T extends Resource> Optional<T> resolve(Reference reference, Class<T> type) {
        return resolve(reference).filter(type::isInstance).map(type::cast);
    }

    /** The file's entry for a parsed resource, if it is a top-level one. */
    Optional<SourceResource> source(Resource resource) {
        return Optional.ofNullable(byResource.get(resource));
    }

    /** Starts a conversion: forgets lookups of the previous one that were not kept. */
    void beginConversion() {
        pending.clear();
    }

    /** The conversion produced output: its lookups count as used. */
    void keepLookups() {
        used.addAll(pending);
        pending.clear();
    }

    boolean wasUsed(SourceResource source) {
        return used.contains(source);
    }

    private static Optional<String> typeAndId(String reference) {
        if (reference.startsWith("urn:") || reference.startsWith("#")) {
            return Optional.empty();
        }
        IdType id = new IdType(reference);
        if (!id.hasResourceType() || !id.hasIdPart()) {
            return Optional.empty();
        }
        return Optional.of(id.getResourceType() + "/" + id.getIdPart());
    }
}
