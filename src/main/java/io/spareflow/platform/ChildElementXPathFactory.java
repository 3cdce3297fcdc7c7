package io.spareflow.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.namespace.NamespaceContext;
import javax.xml.namespace.QName;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import javax.xml.xpath.XPathFactoryConfigurationException;
import javax.xml.xpath.XPathFunctionResolver;
import javax.xml.xpath.XPathVariableResolver;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The JDK's XPath, except that a path of element names ({@code selectKey}, {@code /mapper/resultMap}) or a union of
 * names ({@code select|insert|update|delete}) asked for nodes is answered by walking the DOM's children. The JDK
 * builds a view (DTM) of the whole document for every evaluation, from its start up to the context node: MyBatis asks
 * for each statement's {@code selectKey} children, so parsing Camunda's engine mappings costs in the square of each
 * file's statements (docs/performance.md, "MyBatis' mapping parse"). Public with a public constructor: the JAXP
 * look-up instantiates it by name ({@link EngineMappingXPath}).
 */
public final class ChildElementXPathFactory extends XPathFactory {

    private static final Pattern NAME_PATH = Pattern.compile("/?[A-Za-z_][\\w.-]*(/[A-Za-z_][\\w.-]*)*");
    private static final Pattern NAME_UNION = Pattern.compile("[A-Za-z_][\\w.-]*(\\|[A-Za-z_][\\w.-]*)+");

    private final XPathFactory jdk = XPathFactory.newDefaultInstance();

    @Override
    public boolean isObjectModelSupported(String objectModel) {
        return jdk.isObjectModelSupported(objectModel);
    }

    @Override
    public void setFeature(String name, boolean value) throws XPathFactoryConfigurationException {
        jdk.setFeature(name, value);
    }

    @Override
    public boolean getFeature(String name) throws XPathFactoryConfigurationException {
        return jdk.getFeature(name);
    }

    @Override
    public void setXPathVariableResolver(XPathVariableResolver resolver) {
        jdk.setXPathVariableResolver(resolver);
    }

    @Override
    public void setXPathFunctionResolver(XPathFunctionResolver resolver) {
        jdk.setXPathFunctionResolver(resolver);
    }

    @Override
    public XPath newXPath() {
        return new ChildElementXPath(jdk.newXPath());
    }

    private static final class ChildElementXPath implements XPath {

        private final XPath jdk;

        private ChildElementXPath(XPath jdk) {
            this.jdk = jdk;
        }

        @Override
        public Object evaluate(String expression, Object item, QName returnType) throws XPathExpressionException {
            boolean nodes = XPathConstants.NODESET.equals(returnType) || XPathConstants.NODE.equals(returnType);
            if (!nodes || !(item instanceof Node context)) {
                return jdk.evaluate(expression, item, returnType);
            }
            List<Node> found;
            if (NAME_PATH.matcher(expression).matches()) {
                found = path(context, expression);
            } else if (NAME_UNION.matcher(expression).matches()) {
                found = children(List.of(context), Set.of(expression.split("\\|")));
            } else {
                return jdk.evaluate(expression, item, returnType);
            }
            if (XPathConstants.NODE.equals(returnType)) {
                return found.isEmpty() ? null : found.get(0);
            }
            return new Nodes(found);
        }

        /** Each step's nodes are in document order, being children of nodes that are so and never nested. */
        private static List<Node> path(Node context, String expression) {
            List<Node> current = List.of(context);
            String steps = expression;
            if (expression.startsWith("/")) {
                Node root = context;
                while (root.getParentNode() != null) {
                    root = root.getParentNode();
                }
                current = List.of(root);
                steps = expression.substring(1);
            }
            for (String step : steps.split("/")) {
                current = children(current, Set.of(step));
            }
            return current;
        }

        /** XPath's unprefixed name test: elements of that local name in no namespace. */
        private static List<Node> children(List<Node> parents, Set<String> names) {
            List<Node> children = new ArrayList<>();
            for (Node parent : parents) {
                for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
                    if (child.getNodeType() == Node.ELEMENT_NODE && child.getNamespaceURI() == null
                            && names.contains(localName(child))) {
                        children.add(child);
                    }
                }
            }
            return children;
        }

        /** As the JDK's DTM names an element of a DOM parsed without namespaces (MyBatis' way): after its prefix. */
        private static String localName(Node element) {
            if (element.getLocalName() != null) {
                return element.getLocalName();
            }
            String name = element.getNodeName();
            return name.substring(name.indexOf(':') + 1);
        }

        @Override
        public String evaluate(String expression, Object item) throws XPathExpressionException {
            return jdk.evaluate(expression, item);
        }

        @Override
        public Object evaluate(String expression, InputSource source, QName returnType) throws XPathExpressionException {
            return jdk.evaluate(expression, source, returnType);
        }

        @Override
        public String evaluate(String expression, InputSource source) throws XPathExpressionException {
            return jdk.evaluate(expression, source);
        }

        @Override
        public XPathExpression compile(String expression) throws XPathExpressionException {
            return jdk.compile(expression);
        }

        @Override
        public void reset() {
            jdk.reset();
        }

        @Override
        public void setXPathVariableResolver(XPathVariableResolver resolver) {
            jdk.setXPathVariableResolver(resolver);
        }

        @Override
        public XPathVariableResolver getXPathVariableResolver() {
            return jdk.getXPathVariableResolver();
        }

        @Override
        public void setXPathFunctionResolver(XPathFunctionResolver resolver) {
            jdk.setXPathFunctionResolver(resolver);
        }

        @Override
        public XPathFunctionResolver getXPathFunctionResolver() {
            return jdk.getXPathFunctionResolver();
        }

        @Override
        public void setNamespaceContext(NamespaceContext context) {
            jdk.setNamespaceContext(context);
        }

        @Override
        public NamespaceContext getNamespaceContext() {
            return jdk.getNamespaceContext();
        }
    }

    private record Nodes(List<Node> nodes) implements NodeList {

        @Override
        public Node item(int index) {
            return index >= 0 && index < nodes.size() ? nodes.get(index) : null;
        }

        @Override
        public int getLength() {
            return nodes.size();
        }
    }
}
