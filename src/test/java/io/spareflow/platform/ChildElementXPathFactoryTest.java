package io.spareflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Every answer is the JDK's: the same nodes in the same order, for the paths it walks itself and those it hands on. */
class ChildElementXPathFactoryTest {

    private static final String MAPPER = """
            <mapper namespace="m">
              <resultMap id="r"><id property="id" column="ID_"/></resultMap>
              <sql id="columns">ID_, NAME_</sql>
              <select id="a">select <include refid="columns"/> from T<selectKey keyProperty="id"/></select>
              <!-- a comment --><insert id="b">insert<selectKey keyProperty="x"/><selectKey keyProperty="y"/></insert>
              <update id="c">update</update><delete id="d">delete</delete><select id="e">select</select>
              <x:select xmlns:x="urn:x" id="prefixed"/>
              <select xmlns="urn:default" id="namespaced"/>
            </mapper>
            """;

    private static final XPath JDK = XPathFactory.newDefaultInstance().newXPath();
    private static final XPath WALKING = new ChildElementXPathFactory().newXPath();

    @ParameterizedTest
    @ValueSource(strings = {"/mapper", "/mapper/resultMap", "/mapper/sql", "/mapper/select", "/mapper/cache", "select|insert|update|delete",
            "select", "selectKey", "cache-ref", "mapper", "select/selectKey", "resultMap/id", "*", "select[@id='e']", "@namespace", "//selectKey", "select | insert"})
    void findsTheNodesTheJdkFinds(String expression) throws Exception {
        for (boolean namespaceAware : new boolean[] {false, true}) {
            Document document = parse(namespaceAware);
            Node mapper = document.getDocumentElement();
            for (Node context : List.of(document, mapper, mapper.getFirstChild().getNextSibling())) {
                assertThat(nodes(WALKING, expression, context)).as("%s on %s", expression, context.getNodeName())
                        .containsExactlyElementsOf(nodes(JDK, expression, context));
                assertThat(WALKING.evaluate(expression, context, XPathConstants.NODE))
                        .isSameAs(JDK.evaluate(expression, context, XPathConstants.NODE));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"count(select)", "mapper/@namespace", "string(/mapper/sql)"})
    void handsOtherResultTypesToTheJdk(String expression) throws Exception {
        Document document = parse(false);
        for (QName type : List.of(XPathConstants.STRING, XPathConstants.NUMBER, XPathConstants.BOOLEAN)) {
            assertThat(WALKING.evaluate(expression, document, type)).isEqualTo(JDK.evaluate(expression, document, type));
        }
    }

    private static List<Node> nodes(XPath xpath, String expression, Node context) throws Exception {
        NodeList list = (NodeList) xpath.evaluate(expression, context, XPathConstants.NODESET);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            nodes.add(list.item(i));
        }
        return nodes;
    }

    private static Document parse(boolean namespaceAware) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(namespaceAware);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(MAPPER.getBytes(StandardCharsets.UTF_8)));
    }
}
