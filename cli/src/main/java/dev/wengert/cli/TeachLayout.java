package dev.wengert.cli;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Coordinates for the computational graph of {@code wengert teach}, computed by Eclipse ELK's
 * layered (Sugiyama) algorithm: nodes in layers from the inputs at the bottom to the outputs at the
 * top, crossings minimised, edges routed orthogonally with their labels (the local partials) placed
 * beside them. Orthogonal routing keeps the gaps between layers small where an input feeds many
 * entries (polyline routing widens them with every sloped edge: a 178-entry sum of sines came out
 * 50,000 px tall against 3,500). The page only draws what this returns.
 *
 * <p>Nodes and edges are given in tape order, and ELK is told to respect that order where it can,
 * so operands sit left to right in the order the Wengert list names them and the same recording
 * always gets the same drawing.
 */
final class TeachLayout {

    private static final Object REGISTER = new Object();
    private static boolean registered;

    private TeachLayout() {
    }

    /**
     * A node to place.
     *
     * @param width its width
     * @param height its height
     */
    record Node(double width, double height) {
    }

    /**
     * An edge to route, from an operand to the entry that uses it.
     *
     * @param from the operand's node
     * @param to the using node
     * @param label its label's text (ELK ignores a label without text), or null for none
     * @param labelWidth the width of its label (0 for none)
     * @param labelHeight the height of its label
     */
    record Edge(int from, int to, String label, double labelWidth, double labelHeight) {
    }

    /**
     * The drawing.
     *
     * @param x each node's left edge
     * @param y each node's top edge
     * @param points each edge's route, x0, y0, x1, y1, … from operand to user
     * @param labels each edge label's left and top, or null for an edge without one
     * @param width the drawing's width
     * @param height the drawing's height
     */
    record Result(double[] x, double[] y, List<double[]> points, List<double[]> labels, double width, double height) {
    }

    /**
     * @param nodes the nodes, in tape order
     * @param edges the edges, in tape order of their users
     * @return the coordinates, top-left origin
     */
    static Result layout(List<Node> nodes, List<Edge> edges) {
        register();
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.UP);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(14));
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, 36.0);
        // a centred edge label is a layer of its own, between the layers of its ends: small gaps
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 10.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 8.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_LABEL, 2.0);
        root.setProperty(CoreOptions.EDGE_LABELS_INLINE, true);
        root.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);
        root.setProperty(LayeredOptions.SEPARATE_CONNECTED_COMPONENTS, false);
        List<ElkNode> elkNodes = new ArrayList<>(nodes.size());
        for (Node n : nodes) {
            ElkNode e = ElkGraphUtil.createNode(root);
            e.setDimensions(n.width(), n.height());
            elkNodes.add(e);
        }
        List<ElkEdge> elkEdges = new ArrayList<>(edges.size());
        for (Edge d : edges) {
            ElkEdge e = ElkGraphUtil.createSimpleEdge(elkNodes.get(d.from()), elkNodes.get(d.to()));
            if (d.label() != null) {
                ElkLabel l = ElkGraphUtil.createLabel(d.label(), e);
                l.setDimensions(d.labelWidth(), d.labelHeight());
                l.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
            }
            elkEdges.add(e);
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        double[] x = new double[nodes.size()];
        double[] y = new double[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            x[i] = elkNodes.get(i).getX();
            y[i] = elkNodes.get(i).getY();
        }
        List<double[]> points = new ArrayList<>(edges.size());
        List<double[]> labels = new ArrayList<>(edges.size());
        for (ElkEdge e : elkEdges) {
            List<Double> p = new ArrayList<>();
            for (ElkEdgeSection s : e.getSections()) {
                p.add(s.getStartX());
                p.add(s.getStartY());
                for (ElkBendPoint b : s.getBendPoints()) {
                    p.add(b.getX());
                    p.add(b.getY());
                }
                p.add(s.getEndX());
                p.add(s.getEndY());
            }
            double[] a = new double[p.size()];
            for (int k = 0; k < a.length; k++) {
                a[k] = p.get(k);
            }
            points.add(a);
            labels.add(e.getLabels().isEmpty() ? null
                    : new double[] {e.getLabels().get(0).getX(), e.getLabels().get(0).getY()});
        }
        return new Result(x, y, points, labels, root.getWidth(), root.getHeight());
    }

    private static void register() {
        synchronized (REGISTER) {
            if (!registered) {
                LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
                registered = true;
            }
        }
    }
}
