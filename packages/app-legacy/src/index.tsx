import '@backstage/cli/asset-types';
import ReactDOM from 'react-dom/client';
import App from './App';
// Backstage UI's variables and fonts, which current core-components use too.
import '@backstage/ui/css/styles.css';

ReactDOM.createRoot(document.getElementById('root')!).render(<App />);
