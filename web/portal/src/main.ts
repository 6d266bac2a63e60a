import { createApp } from 'vue';
import App from './App.vue';
import { locale } from './i18n';
import { loadSite } from './site';
import './styles.css';

document.documentElement.lang = locale.value;
createApp(App).mount('#app');
void loadSite();
