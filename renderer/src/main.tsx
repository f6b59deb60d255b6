import { createRoot } from 'react-dom/client';
import { App } from './App';
import { applyHighlightColours } from './highlightColours';
import './styles.css';

applyHighlightColours(document.documentElement);
createRoot(document.getElementById('root')!).render(<App />);
