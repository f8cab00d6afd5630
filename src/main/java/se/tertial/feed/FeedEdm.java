package se.tertial.feed;

import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.apache.olingo.commons.api.edm.provider.CsdlAbstractEdmProvider;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainer;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainerInfo;
import org.apache.olingo.commons.api.edm.provider.CsdlEntitySet;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityType;
import org.apache.olingo.commons.api.edm.provider.CsdlProperty;
import org.apache.olingo.commons.api.edm.provider.CsdlPropertyRef;
import org.apache.olingo.commons.api.edm.provider.CsdlSchema;
import se.tertial.store.FeedSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The feed's entity model, made from the sets the store defines: one flat entity type per set (no navigation
 * properties: Power Query's older importer fails on some), each column a property of the matching OData type —
 * tkr as {@code Edm.Decimal} with scale 3, times as {@code Edm.DateTimeOffset}, deadlines as {@code Edm.Date}.
 */
final class FeedEdm extends CsdlAbstractEdmProvider {
    static final String NAMESPACE = "Tertial";
    static final FullQualifiedName CONTAINER = new FullQualifiedName(NAMESPACE, "Tertial");

    /** The entity type of each set, a singular Swedish word. */
    private static final Map<String, String> TYPES = Map.of("Fakta", "Faktum", "Enheter", "Enhet",
            "Perioder", "Period", "Kommentarer", "Kommentar", "Status", "EnhetensStatus",
            "Namndsavvikelser", "Namndsavvikelse");

    static FullQualifiedName type(FeedSet set) {
        return new FullQualifiedName(NAMESPACE, TYPES.get(set.name()));
    }

    static Optional<FeedSet> set(String name) {
        return FeedSet.ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    @Override
    public CsdlEntityType getEntityType(FullQualifiedName name) {
        for (FeedSet set : FeedSet.ALL) {
            if (type(set).equals(name)) {
                return entityType(set);
            }
        }
        return null;
    }

    private static CsdlEntityType entityType(FeedSet set) {
        List<CsdlProperty> properties = new ArrayList<>();
        for (FeedSet.FeedColumn c : set.columns()) {
            CsdlProperty p = new CsdlProperty().setName(c.name()).setType(kind(c.type()).getFullQualifiedName());
            if (c.type() == FeedSet.FeedType.KRONOR) {
                p.setPrecision(19).setScale(3);
            }
            if (c.type() == FeedSet.FeedType.INSTANT) {
                p.setPrecision(3);
            }
            p.setNullable(!c.name().equals(set.key()));
            properties.add(p);
        }
        return new CsdlEntityType().setName(TYPES.get(set.name())).setProperties(properties)
                .setKey(List.of(new CsdlPropertyRef().setName(set.key())));
    }

    static EdmPrimitiveTypeKind kind(FeedSet.FeedType type) {
        return switch (type) {
            case TEXT -> EdmPrimitiveTypeKind.String;
            case INTEGER -> EdmPrimitiveTypeKind.Int32;
            case KRONOR -> EdmPrimitiveTypeKind.Decimal;
            case BOOLEAN -> EdmPrimitiveTypeKind.Boolean;
            case DATE -> EdmPrimitiveTypeKind.Date;
            case INSTANT -> EdmPrimitiveTypeKind.DateTimeOffset;
        };
    }

    @Override
    public CsdlEntitySet getEntitySet(FullQualifiedName container, String name) {
        if (!CONTAINER.equals(container)) {
            return null;
        }
        return set(name).map(s -> new CsdlEntitySet().setName(s.name()).setType(type(s))).orElse(null);
    }

    @Override
    public CsdlEntityContainer getEntityContainer() {
        List<CsdlEntitySet> sets = new ArrayList<>();
        for (FeedSet s : FeedSet.ALL) {
            sets.add(getEntitySet(CONTAINER, s.name()));
        }
        return new CsdlEntityContainer().setName(CONTAINER.getName()).setEntitySets(sets);
    }

    @Override
    public CsdlEntityContainerInfo getEntityContainerInfo(FullQualifiedName name) {
        return name == null || CONTAINER.equals(name) ? new CsdlEntityContainerInfo().setContainerName(CONTAINER)
                : null;
    }

    @Override
    public List<CsdlSchema> getSchemas() {
        List<CsdlEntityType> types = new ArrayList<>();
        for (FeedSet s : FeedSet.ALL) {
            types.add(entityType(s));
        }
        return List.of(new CsdlSchema().setNamespace(NAMESPACE).setEntityTypes(types)
                .setEntityContainer(getEntityContainer()));
    }
}
