package se.tertial.feed;

import org.apache.olingo.commons.api.edm.EdmEnumType;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.edm.EdmType;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.commons.core.edm.primitivetype.EdmString;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourcePrimitiveProperty;
import org.apache.olingo.server.api.uri.queryoption.expression.BinaryOperatorKind;
import org.apache.olingo.server.api.uri.queryoption.expression.Expression;
import org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitException;
import org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitor;
import org.apache.olingo.server.api.uri.queryoption.expression.Literal;
import org.apache.olingo.server.api.uri.queryoption.expression.Member;
import org.apache.olingo.server.api.uri.queryoption.expression.MethodKind;
import org.apache.olingo.server.api.uri.queryoption.expression.UnaryOperatorKind;
import se.tertial.spec.ApiText;
import se.tertial.store.FeedFilter;
import se.tertial.store.FeedSet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Turns the {@code $filter} tree Olingo parsed into the store's {@link FeedFilter}: comparisons of a property with
 * a value (either side), {@code and}, {@code or}, {@code not} and a boolean property on its own. Everything else —
 * functions, arithmetic, {@code in}, {@code has}, lambdas, comparing two properties — is refused with a Swedish
 * message, never left out: a filter is applied in full or the request fails.
 */
final class FilterTranslator implements ExpressionVisitor<Object> {
    /** At most this many comparisons in one filter: bounded work per request, and SQL well under its limits. */
    static final int MAX_COMPARISONS = 200;
    private final FeedSet set;
    private int comparisons;

    FilterTranslator(FeedSet set) {
        this.set = set;
    }

    /** A property of the set, as an operand. */
    record Column(String name, FeedSet.FeedType type) {}

    /** A literal value, as an operand: text, Long, BigDecimal, Boolean, LocalDate, Instant or null. */
    record Value(Object value) {}

    static FeedFilter translate(FeedSet set, Expression e) throws ODataApplicationException {
        try {
            return condition(e.accept(new FilterTranslator(set)));
        } catch (ExpressionVisitException x) {
            throw refused(ApiText.feedFilterUnreadable());
        }
    }

    static ODataApplicationException refused(String message) {
        return new ODataApplicationException(message, HttpStatusCode.BAD_REQUEST.getStatusCode(), Locale.ROOT);
    }

    private static FeedFilter condition(Object o) throws ODataApplicationException {
        if (o instanceof FeedFilter f) {
            return f;
        }
        if (o instanceof Column c && c.type() == FeedSet.FeedType.BOOLEAN) {
            return new FeedFilter.Compare(c.name(), FeedFilter.Op.EQ, true);
        }
        if (o instanceof Value v && v.value() instanceof Boolean b) {
            return new FeedFilter.Constant(b);
        }
        throw refused(ApiText.feedFilterNotCondition());
    }

    @Override
    public Object visitBinaryOperator(BinaryOperatorKind op, Object left, Object right)
            throws ODataApplicationException {
        switch (op) {
            case AND:
                return new FeedFilter.And(condition(left), condition(right));
            case OR:
                return new FeedFilter.Or(condition(left), condition(right));
            case EQ:
            case NE:
            case GT:
            case GE:
            case LT:
            case LE:
                return compare(op, left, right);
            default:
                throw refused(ApiText.feedOperatorUnsupported(op.toString()));
        }
    }

    private FeedFilter compare(BinaryOperatorKind kind, Object left, Object right) throws ODataApplicationException {
        if (++comparisons > MAX_COMPARISONS) {
            throw refused(ApiText.feedFilterTooLong(Integer.toString(MAX_COMPARISONS)));
        }
        FeedFilter.Op op = FeedFilter.Op.valueOf(kind.name());
        if (left instanceof Column c && right instanceof Value v) {
            return new FeedFilter.Compare(c.name(), op, v.value());
        }
        if (left instanceof Value v && right instanceof Column c) {
            FeedFilter.Op flipped = switch (op) {
                case GT -> FeedFilter.Op.LT;
                case GE -> FeedFilter.Op.LE;
                case LT -> FeedFilter.Op.GT;
                case LE -> FeedFilter.Op.GE;
                default -> op;
            };
            return new FeedFilter.Compare(c.name(), flipped, v.value());
        }
        throw refused(ApiText.feedCompareWhat());
    }

    @Override
    public Object visitBinaryOperator(BinaryOperatorKind op, Object left, List<Object> right)
            throws ODataApplicationException {
        throw refused(ApiText.feedOperatorUnsupported(op.toString()));
    }

    @Override
    public Object visitUnaryOperator(UnaryOperatorKind op, Object operand) throws ODataApplicationException {
        if (op == UnaryOperatorKind.NOT) {
            return new FeedFilter.Not(condition(operand));
        }
        if (op == UnaryOperatorKind.MINUS && operand instanceof Value v) {
            if (v.value() instanceof Long l) {
                return new Value(-l);
            }
            if (v.value() instanceof BigDecimal d) {
                return new Value(d.negate());
            }
        }
        throw refused(ApiText.feedOperatorUnsupported(op.toString()));
    }

    @Override
    public Object visitMethodCall(MethodKind method, List<Object> parameters) throws ODataApplicationException {
        throw refused(ApiText.feedFunctionUnsupported(method.toString()));
    }

    @Override
    public Object visitLambdaExpression(String function, String variable, Expression expression)
            throws ODataApplicationException {
        throw refused(ApiText.feedFunctionUnsupported(function));
    }

    @Override
    public Object visitLiteral(Literal literal) throws ODataApplicationException {
        String text = literal.getText();
        EdmType type = literal.getType();
        if (type == null || "null".equals(text)) {
            return new Value(null);
        }
        try {
            return new Value(switch (EdmPrimitiveTypeKind.valueOfFQN(type.getFullQualifiedName())) {
                case String -> EdmString.getInstance().fromUriLiteral(text);
                case SByte, Byte, Int16, Int32, Int64 -> Long.parseLong(text);
                case Decimal, Double, Single -> new BigDecimal(text);
                case Boolean -> Boolean.parseBoolean(text);
                case Date -> LocalDate.parse(text);
                case DateTimeOffset -> OffsetDateTime.parse(text).toInstant();
                default -> throw refused(ApiText.feedLiteralUnsupported(text));
            });
        } catch (DateTimeParseException | IllegalArgumentException
                 | org.apache.olingo.commons.api.edm.EdmPrimitiveTypeException e) {
            throw refused(ApiText.feedLiteralUnsupported(text));
        }
    }

    @Override
    public Object visitMember(Member member) throws ODataApplicationException {
        List<UriResource> parts = member.getResourcePath().getUriResourceParts();
        if (parts.size() == 1 && parts.get(0) instanceof UriResourcePrimitiveProperty p) {
            String name = p.getProperty().getName();
            FeedSet.FeedColumn c = set.column(name).orElseThrow(() -> refused(ApiText.feedUnknownProperty(name)));
            return new Column(c.name(), c.type());
        }
        throw refused(ApiText.feedFilterUnreadable());
    }

    @Override
    public Object visitAlias(String aliasName) throws ODataApplicationException {
        throw refused(ApiText.feedFilterUnreadable());
    }

    @Override
    public Object visitTypeLiteral(EdmType type) throws ODataApplicationException {
        throw refused(ApiText.feedFilterUnreadable());
    }

    @Override
    public Object visitLambdaReference(String variableName) throws ODataApplicationException {
        throw refused(ApiText.feedFilterUnreadable());
    }

    @Override
    public Object visitEnum(EdmEnumType type, List<String> enumValues) throws ODataApplicationException {
        throw refused(ApiText.feedFilterUnreadable());
    }
}
