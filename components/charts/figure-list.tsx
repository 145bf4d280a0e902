import styles from "./charts.module.css";

/** Renders headline figures as a description list, label above value. */
export function FigureList({ figures }: { figures: { term: string; value: string }[] }): React.ReactElement {
  return (
    <dl className={styles.figures}>
      {figures.map((figure) => (
        <div key={figure.term}>
          <dt>{figure.term}</dt>
          <dd>{figure.value}</dd>
        </div>
      ))}
    </dl>
  );
}
