package se.tertial.feed;

import org.apache.olingo.commons.api.data.ContextURL;
import org.apache.olingo.commons.api.data.Entity;
import org.apache.olingo.commons.api.data.EntityIterator;
import org.apache.olingo.commons.api.data.Property;
import org.apache.olingo.commons.api.data.ValueType;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.apache.olingo.commons.api.edm.EdmEntityType;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.ODataLibraryException;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.processor.CountEntityCollectionProcessor;
import org.apache.olingo.server.api.processor.EntityProcessor;
import org.apache.olingo.server.api.serializer.EntityCollectionSerializerOptions;
import org.apache.olingo.server.api.serializer.EntitySerializerOptions;
import org.apache.olingo.server.api.uri.UriInfo;
import org.apache.olingo.server.api.uri.UriParameter;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourceEntitySet;
import org.apache.olingo.server.api.uri.queryoption.OrderByItem;
import org.apache.olingo.server.api.uri.queryoption.SystemQueryOption;
import org.apache.olingo.server.api.uri.queryoption.SystemQueryOptionKind;
import org.apache.olingo.server.api.uri.queryoption.expression.Member;
import se.tertial.app.FeedService;
import se.tertial.spec.ApiText;
import se.tertial.store.FeedFilter;
import se.tertial.store.FeedQuery;
import se.tertial.store.FeedRepository;
import se.tertial.store.FeedSet;
import se.tertial.store.User;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Answers one feed request for the person whose key asked: a set's page (the request's {@code $filter},
 * {@code $orderby}, {@code $skip} and {@code $top} evaluated by the database, then at most a page of rows and a
 * {@code @odata.nextLink} to the rest), one row by its key, or a count. Options the feed does not implement are
 * refused, never ignored.
 */
final class FeedProcessor implements CountEntityCollectionProcessor, EntityProcessor,
        org.apache.olingo.server.api.processor.ServiceDocumentProcessor {
    private static final Set<SystemQueryOptionKind> SUPPORTED = Set.of(SystemQueryOptionKind.FILTER,
            SystemQueryOptionKind.SELECT, SystemQueryOptionKind.ORDERBY, SystemQueryOptionKind.TOP,
            SystemQueryOptionKind.SKIP, SystemQueryOptionKind.COUNT, SystemQueryOptionKind.SKIPTOKEN,
            SystemQueryOptionKind.FORMAT);

    private final FeedService feed;
    private final User viewer;
    private final String serviceRoot;
    /** Rows per page: server-driven paging keeps every response, and the memory it takes, bounded. */
    private final int pageRows;
    private OData odata;
    private ServiceMetadata metadata;

    /** @param serviceRoot the feed's absolute address, ending in {@code /odata/} */
    FeedProcessor(FeedService feed, User viewer, String serviceRoot, int pageRows) {
        this.feed = feed;
        this.pageRows = pageRows;
        this.viewer = viewer;
        this.serviceRoot = serviceRoot;
    }

    @Override
    public void init(OData odata, ServiceMetadata metadata) {
        this.odata = odata;
        this.metadata = metadata;
    }

    /** What a request asks of its set, once its options are read. */
    /**
     * What a request asks of its set, once its options are read. {@code sent}: rows earlier pages of the same
     * request handed out; {@code after}: in the natural order, the last of them (the next page starts after it).
     */
    private record Ask(EdmEntitySet edmSet, FeedSet set, Optional<FeedFilter> filter, List<FeedQuery.Order> order,
                       long skip, Long top, long sent, Optional<List<Object>> after) {
        /** Rows to skip in this page's query: the request's $skip on the first page, after a position none. */
        long skipNow() {
            return after.isPresent() ? 0 : skip + (order.isEmpty() ? 0 : sent);
        }
    }

    private Ask ask(UriInfo uriInfo) throws ODataApplicationException {
        for (SystemQueryOption o : uriInfo.getSystemQueryOptions()) {
            if (!SUPPORTED.contains(o.getKind())) {
                throw FilterTranslator.refused(ApiText.feedOptionUnsupported(o.getName()));
            }
        }
        List<UriResource> parts = new ArrayList<>(uriInfo.getUriResourceParts());
        if (!parts.isEmpty() && parts.get(parts.size() - 1).getKind() == org.apache.olingo.server.api.uri
                .UriResourceKind.count) {
            parts.remove(parts.size() - 1);
        }
        if (parts.size() != 1 || !(parts.get(0) instanceof UriResourceEntitySet res)) {
            throw FilterTranslator.refused(ApiText.feedBadRequest());
        }
        EdmEntitySet edmSet = res.getEntitySet();
        FeedSet set = FeedEdm.set(edmSet.getName()).orElseThrow(() -> FilterTranslator.refused(
                ApiText.feedNotFound()));
        List<FeedFilter> conditions = new ArrayList<>();
        if (uriInfo.getFilterOption() != null) {
            conditions.add(FilterTranslator.translate(set, uriInfo.getFilterOption().getExpression()));
        }
        for (UriParameter key : res.getKeyPredicates()) {
            conditions.add(new FeedFilter.Compare(set.key(), FeedFilter.Op.EQ, keyValue(key)));
        }
        Optional<FeedFilter> filter = conditions.stream().reduce(FeedFilter.And::new);
        List<FeedQuery.Order> order = new ArrayList<>();
        if (uriInfo.getOrderByOption() != null) {
            for (OrderByItem item : uriInfo.getOrderByOption().getOrders()) {
                if (!(item.getExpression() instanceof Member m) || m.getResourcePath().getUriResourceParts().size() != 1) {
                    throw FilterTranslator.refused(ApiText.feedOrderByUnsupported());
                }
                String name = m.getResourcePath().getUriResourceParts().get(0).getSegmentValue();
                set.column(name).orElseThrow(() -> FilterTranslator.refused(ApiText.feedUnknownProperty(name)));
                order.add(new FeedQuery.Order(name, item.isDescending()));
            }
        }
        long skip = uriInfo.getSkipOption() == null ? 0 : uriInfo.getSkipOption().getValue();
        Long top = uriInfo.getTopOption() == null ? null : (long) uriInfo.getTopOption().getValue();
        SkipToken token = uriInfo.getSkipTokenOption() == null ? SkipToken.FIRST
                : SkipToken.parse(uriInfo.getSkipTokenOption().getValue(), set.order().size(), order.isEmpty());
        return new Ask(edmSet, set, filter, order, skip, top, token.sent(), token.after());
    }

    private static String keyValue(UriParameter key) throws ODataApplicationException {
        try {
            return org.apache.olingo.commons.core.edm.primitivetype.EdmString.getInstance()
                    .fromUriLiteral(key.getText());
        } catch (org.apache.olingo.commons.api.edm.EdmPrimitiveTypeException e) {
            throw FilterTranslator.refused(ApiText.feedBadRequest());
        }
    }

    private FeedService.Page page(Ask a, int limit, boolean count) throws ODataApplicationException {
        try {
            return feed.page(viewer, a.set(), a.filter(), a.order(), a.skipNow(), limit, count, a.after());
        } catch (FeedRepository.BadFilter e) {
            throw FilterTranslator.refused(e.expected() == null ? ApiText.feedUnknownProperty(e.column())
                    : ApiText.feedWrongType(e.column(), typeWords(e.expected())));
        }
    }

    static String typeWords(FeedSet.FeedType type) {
        return switch (type) {
            case TEXT -> "text inom apostrofer";
            case INTEGER -> "heltal";
            case KRONOR -> "tal (tkr)";
            case BOOLEAN -> "true eller false";
            case DATE -> "datum som 2022-09-09";
            case INSTANT -> "tidpunkter som 2022-09-09T12:00:00Z";
        };
    }

    @Override
    public void readEntityCollection(ODataRequest request, ODataResponse response, UriInfo uriInfo,
                                     ContentType format) throws ODataApplicationException, ODataLibraryException {
        Ask a = ask(uriInfo);
        boolean count = uriInfo.getCountOption() != null && uriInfo.getCountOption().getValue();
        int limit = a.top() == null ? pageRows : (int) Math.max(0, Math.min(pageRows, a.top() - a.sent()));
        FeedService.Page page = page(a, limit, count);
        List<Object[]> rows = page.rows();
        EdmEntityType type = a.edmSet().getEntityType();
        EntityIterator entities = new EntityIterator() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < rows.size();
            }

            @Override
            public Entity next() {
                return entity(a.set(), rows.get(next++));
            }
        };
        page.count().ifPresent(n -> entities.setCount((int) Math.min(Integer.MAX_VALUE, n)));
        long sent = a.sent() + rows.size();
        boolean more = page.more() && (a.top() == null || sent < a.top());
        if (more) {
            entities.setNext(URI.create(serviceRoot + a.set().name() + "?" + nextQuery(request.getRawQueryPath(),
                    new SkipToken(sent, page.last()).text())));
        }
        ContextURL context = ContextURL.with().serviceRoot(URI.create(serviceRoot)).entitySet(a.edmSet())
                .selectList(odata.createUriHelper().buildContextURLSelectList(type, null, uriInfo.getSelectOption()))
                .build();
        EntityCollectionSerializerOptions options = EntityCollectionSerializerOptions.with().contextURL(context)
                .select(uriInfo.getSelectOption()).count(uriInfo.getCountOption())
                .id(serviceRoot + a.set().name()).build();
        response.setODataContent(odata.createSerializer(format).entityCollectionStreamed(metadata, type, entities,
                options).getODataContent());
        response.setStatusCode(HttpStatusCode.OK.getStatusCode());
        response.setHeader(HttpHeader.CONTENT_TYPE, format.toContentTypeString());
    }

    /** The request's own query with the next page's mark instead of its own, without a key given in the URL. */
    static String nextQuery(String raw, String token) {
        List<String> kept = new ArrayList<>();
        if (raw != null) {
            for (String part : raw.split("&")) {
                String name = part.contains("=") ? part.substring(0, part.indexOf('=')) : part;
                String decoded = java.net.URLDecoder.decode(name, StandardCharsets.UTF_8);
                if (!part.isEmpty() && !decoded.equals("$skiptoken") && !decoded.equals(FeedHttp.KEY_PARAMETER)) {
                    kept.add(part);
                }
            }
        }
        kept.add("$skiptoken=" + token);
        return String.join("&", kept);
    }

    private static Entity entity(FeedSet set, Object[] row) {
        Entity e = new Entity();
        List<FeedSet.FeedColumn> columns = set.columns();
        for (int i = 0; i < row.length; i++) {
            Object v = row[i];
            if (v instanceof Long l && columns.get(i).type() == FeedSet.FeedType.INTEGER) {
                v = (int) (long) l;
            }
            e.addProperty(new Property(null, columns.get(i).name(), ValueType.PRIMITIVE, v));
        }
        return e;
    }

    /** The service document, its context an absolute address (Olingo's default writes a relative one). */
    @Override
    public void readServiceDocument(ODataRequest request, ODataResponse response, UriInfo uriInfo,
                                    ContentType format) throws ODataLibraryException {
        response.setContent(odata.createSerializer(format).serviceDocument(metadata, serviceRoot).getContent());
        response.setStatusCode(HttpStatusCode.OK.getStatusCode());
        response.setHeader(HttpHeader.CONTENT_TYPE, format.toContentTypeString());
    }

    @Override
    public void countEntityCollection(ODataRequest request, ODataResponse response, UriInfo uriInfo)
            throws ODataApplicationException {
        Ask a = ask(uriInfo);
        long n = page(a, 0, true).count().orElse(0L);
        response.setContent(new ByteArrayInputStream(Long.toString(n).getBytes(StandardCharsets.UTF_8)));
        response.setStatusCode(HttpStatusCode.OK.getStatusCode());
        response.setHeader(HttpHeader.CONTENT_TYPE, ContentType.TEXT_PLAIN.toContentTypeString());
    }

    @Override
    public void readEntity(ODataRequest request, ODataResponse response, UriInfo uriInfo, ContentType format)
            throws ODataApplicationException, ODataLibraryException {
        Ask a = ask(uriInfo);
        List<Object[]> rows = page(a, 1, false).rows();
        if (rows.isEmpty()) {
            throw new ODataApplicationException(ApiText.feedNotFound(), HttpStatusCode.NOT_FOUND.getStatusCode(),
                    java.util.Locale.ROOT);
        }
        EdmEntityType type = a.edmSet().getEntityType();
        ContextURL context = ContextURL.with().serviceRoot(URI.create(serviceRoot)).entitySet(a.edmSet())
                .suffix(ContextURL.Suffix.ENTITY).build();
        response.setContent(odata.createSerializer(format).entity(metadata, type, entity(a.set(), rows.get(0)),
                EntitySerializerOptions.with().contextURL(context).select(uriInfo.getSelectOption()).build())
                .getContent());
        response.setStatusCode(HttpStatusCode.OK.getStatusCode());
        response.setHeader(HttpHeader.CONTENT_TYPE, format.toContentTypeString());
    }

    @Override
    public void createEntity(ODataRequest request, ODataResponse response, UriInfo uriInfo, ContentType in,
                             ContentType out) throws ODataApplicationException {
        throw readOnly();
    }

    @Override
    public void updateEntity(ODataRequest request, ODataResponse response, UriInfo uriInfo, ContentType in,
                             ContentType out) throws ODataApplicationException {
        throw readOnly();
    }

    @Override
    public void deleteEntity(ODataRequest request, ODataResponse response, UriInfo uriInfo)
            throws ODataApplicationException {
        throw readOnly();
    }

    private static ODataApplicationException readOnly() {
        return new ODataApplicationException(ApiText.feedBadRequest(),
                HttpStatusCode.METHOD_NOT_ALLOWED.getStatusCode(), java.util.Locale.ROOT);
    }
}
